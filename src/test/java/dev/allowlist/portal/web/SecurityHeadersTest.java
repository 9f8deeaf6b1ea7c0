package dev.allowlist.portal.web;

import static dev.allowlist.portal.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestPartners;
import io.quarkus.test.junit.QuarkusTest;
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
                .body(not(containsString("<script"))).body(not(containsString("style=\"")));
    }
}
