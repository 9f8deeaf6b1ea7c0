package dev.allowlist.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Run by e2e/keycloak-login.sh (tag "e2e", not part of the default test run): the packaged portal in
 * prod mode behind a real Keycloak, logged into through Keycloak's own login page.
 */
@Tag("e2e")
class KeycloakLoginE2ETest {

    @Test
    void aliceLogsInThroughKeycloak() {
        String portal = System.getProperty("e2e.portal", "http://localhost:8090");
        try (Browser b = new Browser("keycloak", portal)) {
            b.open("/customers");
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/realms/portal/"));
            assertThat(b.driver.getCurrentUrl()).contains("localhost:8180/realms/portal/protocol/openid-connect/auth");
            b.shot("login-page");
            b.driver.findElement(By.id("username")).sendKeys("alice");
            // a realm with Organizations asks for the user first (to find the organization), then the password
            if (b.driver.findElements(By.id("password")).isEmpty()) {
                b.driver.findElement(By.id("kc-login")).click();
                new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("password")).isEmpty());
                b.shot("password-page");
            }
            b.driver.findElement(By.id("password")).sendKeys("Alice-Portal-2026");
            b.driver.findElement(By.id("kc-login")).click();
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(portal)
                    && !d.getCurrentUrl().contains("code=") && "complete".equals(
                            ((JavascriptExecutor) d).executeScript("return document.readyState")));
            assertThat(b.text()).contains("Acme MSP", "Customers");
            b.shot("logged-in");
            b.open("/customers/new");
            b.driver.findElement(By.name("name")).sendKeys("Keycloak customer");
            b.go(By.cssSelector("form.form button[type=submit]"));
            assertThat(b.text()).contains("Keycloak customer", "Allowlist");
            b.shot("customer");
        }
    }
}
