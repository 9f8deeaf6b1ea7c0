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

    /** Rename, disable, enable: the list's counts, the members' view on each step, nothing deleted. */
    @Test
    void platformAdminRenamesDisablesAndEnablesAPartner() throws Exception {
        try (java.sql.Connection c = dev.allowlist.portal.TestDatabase.owner(); java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO partner (id, display_name, created_at) VALUES ('initech', 'Initech Services', now()) "
                    + "ON CONFLICT (id) DO UPDATE SET display_name = 'Initech Services', disabled_at = NULL");
        }
        String name = "Lifecycle " + UUID.randomUUID();
        as("tina").contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of("name", name))
                .post("/api/v1/customers").then().statusCode(201);
        String list = as("paula").get("/platform/partners").then().statusCode(200).extract().asString();
        String row = list.substring(list.indexOf("<tr id=\"partner-initech\""), list.indexOf("</tr>", list.indexOf("partner-initech")));
        assertThat(row).contains("Initech Services").containsPattern("<td>[1-9][0-9,]*</td><td>[1-9][0-9,]*</td>")
                .containsPattern("20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9:]{8} UTC").contains("Enabled");
        assertThat(list).doesNotContain(name); // counts, never a customer

        TestUsers.Csrf csrf = csrf("paula", "/platform/partners");
        formAs("paula", csrf).formParam("displayName", " ").post("/platform/partners/initech").then().statusCode(400)
                .body(containsString("Required."));
        formAs("paula", csrf).formParam("displayName", "Initech Renamed").post("/platform/partners/initech").then()
                .statusCode(303).cookie("portal-flash");
        as("tina").get("/customers").then().statusCode(200).body(containsString("Initech Renamed"));
        try {
            formAs("paula", csrf).post("/platform/partners/initech/disable").then().statusCode(303);
            as("tina").get("/customers").then().statusCode(403).body(containsString("not registered"))
                    .body(org.hamcrest.Matchers.not(containsString(name)));
            as("tina").get("/api/v1/customers").then().statusCode(403);
            assertThat(TestPartners.count("customer WHERE partner_id = 'initech'")).isPositive(); // nothing deleted
            assertThat(as("paula").get("/platform/partners").then().extract().asString()).contains("Disabled");
            formAs("alice", csrf("alice", "/customers")).post("/platform/partners/initech/enable").then().statusCode(403);
            formAs("paula", csrf).post("/platform/partners/no-such-partner/disable").then().statusCode(404);
        } finally {
            formAs("paula", csrf).post("/platform/partners/initech/enable").then().statusCode(303);
            formAs("paula", csrf).formParam("displayName", "Initech Services").post("/platform/partners/initech").then()
                    .statusCode(303);
        }
        as("tina").get("/api/v1/customers").then().statusCode(200).body("name", org.hamcrest.Matchers.hasItem(name));
        as("paula").get("/audit").then().statusCode(200).body(containsString("Partner disabled: initech"))
                .body(containsString("Partner enabled: initech")).body(containsString("Partner renamed: initech"));
    }
}
