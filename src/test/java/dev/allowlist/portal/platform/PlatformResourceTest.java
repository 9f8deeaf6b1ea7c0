package dev.allowlist.portal.platform;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.TestUsers.formAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformResourceTest {

    @Test
    void platformAdminRegistersAPartnerAndBadInputIsShownAgain() {
        TestPartners.ensureRegistered();
        String slug = "msp-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.Csrf csrf = csrf("paula", "/platform/partners");
        formAs("paula", csrf).formParam("slug", slug).formParam("displayName", "Test MSP")
                .post("/platform/partners").then().statusCode(303).header("Location", containsString("registered=true"));
        as("paula").get("/platform/partners?registered=true").then().statusCode(200)
                .body(containsString("Partner registered.")).body(containsString(slug));

        long partners = TestPartners.count("partner");
        formAs("paula", csrf).formParam("slug", "Bad Slug!").formParam("displayName", "Kept name")
                .post("/platform/partners").then().statusCode(400)
                .body(containsString("lowercase letters")).body(containsString("value=\"Kept name\""));
        formAs("paula", csrf).formParam("slug", slug).formParam("displayName", "Again")
                .post("/platform/partners").then().statusCode(400).body(containsString("already registered"));
        assertThat(TestPartners.count("partner")).isEqualTo(partners);

        formAs("alice", csrf).formParam("slug", "alice-msp").formParam("displayName", "Nope")
                .post("/platform/partners").then().statusCode(403);
        assertThat(TestPartners.count("partner")).isEqualTo(partners);
    }
}
