package dev.allowlist.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.customer.Customers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every main page, in English and in Japanese, in Chromium: each renders its own language with nothing
 * left unformatted, and leaves a screenshot in target/screenshots (tour-en-*, tour-ja-*), from which
 * docs/screenshots takes a few for the README.
 */
@QuarkusTest
class ScreenshotTourTest {

    @TestHTTPResource("/")
    URL root;

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    void everyMainPageInBothLanguages() {
        TestPartners.ensureRegistered();
        long id = Customers.create("alice", Customers.uniqueName("Tour Trading"), List.of("EDR"));
        Customers.addHost("alice", id, "dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com");
        Map<String, String> partnerPages = new LinkedHashMap<>();
        partnerPages.put("dashboard", "/");
        partnerPages.put("customers", "/customers");
        partnerPages.put("customer", "/customers/" + id);
        partnerPages.put("customer-form", "/customers/" + id + "/edit");
        partnerPages.put("change-report", "/customers/" + id + "/changes?from=0");
        partnerPages.put("customer-history", "/customers/" + id + "/history");
        partnerPages.put("reconcile", "/customers/" + id + "/reconcile");
        partnerPages.put("changes", "/changes");
        partnerPages.put("import", "/customer-lists/import");
        partnerPages.put("installer-logs", "/installer-logs/batch");
        partnerPages.put("notifications", "/notifications");
        partnerPages.put("sophos-central", "/integrations/central");
        partnerPages.put("audit", "/audit");
        Map<String, String> platformPages = new LinkedHashMap<>();
        platformPages.put("partners", "/platform/partners");
        platformPages.put("catalogs", "/platform/catalogs");
        platformPages.put("catalog-preview", "/platform/catalogs/sophos-central-2026.11");
        for (String language : List.of("en", "ja")) {
            tour("alice", language, partnerPages);
            tour("paula", language, platformPages);
        }
    }

    private void tour(String user, String language, Map<String, String> pages) {
        try (Browser b = new Browser("tour-" + language, base())) {
            b.login(user, "/");
            if (language.equals("ja")) {
                b.go(By.linkText("日本語"));
            }
            for (Map.Entry<String, String> page : pages.entrySet()) {
                b.open(page.getValue());
                String text = b.text();
                assertThat(text).as(page.getKey()).doesNotContainPattern("\\{[A-Za-z#/]").doesNotContain("Something went wrong",
                        "Not found", "エラー");
                String title = b.driver.getTitle();
                if (language.equals("ja")) {
                    assertThat(title + text).as(page.getKey() + " in Japanese").containsPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
                    assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
                }
                b.shotNamed(page.getKey());
            }
            if (language.equals("ja")) {
                b.go(By.linkText("English"));
            }
        }
    }
}
