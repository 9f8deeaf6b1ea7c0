package dev.allowlist.portal.web;

import static dev.allowlist.portal.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestPartners;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityHeadersTest {

    @Test
    void pagesCarryTheSecurityHeadersAndNoInlineScript() {
        TestPartners.ensureRegistered();
        as("alice").get("/customers").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .body(not(containsString("style=\"")));
        String page = as("alice").get("/customers").then().extract().asString();
        // scripts only from the portal's own files (CSP 'self'), never inline, never an inline handler
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=\"/static/[a-z]+\\.js\")").matcher(page).find()).isFalse();
        assertThat(Pattern.compile("\\son[a-z]+=\"").matcher(page).find()).isFalse();
        as("alice").get("/static/portal.js").then().statusCode(200).contentType(containsString("javascript"));
    }
}
