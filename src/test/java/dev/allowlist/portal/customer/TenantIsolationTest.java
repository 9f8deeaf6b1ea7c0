package dev.allowlist.portal.customer;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.TestUsers.formAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenant isolation, route by route: another partner's id answers exactly like an unknown one (404). */
@QuarkusTest
class TenantIsolationTest {

    static final long UNKNOWN = 987_654_321L;
    static String acmeName;
    static long acmeId;
    static long acmeHostId;

    // @BeforeEach, not @BeforeAll: RestAssured points at the test instance only once a test runs
    @BeforeEach
    void acmeCustomer() {
        if (acmeId != 0) {
            return;
        }
        TestPartners.ensureRegistered();
        acmeName = Customers.uniqueName("Acme-only customer");
        acmeId = Customers.create("alice", acmeName, List.of("ENDPOINT"));
        acmeHostId = Customers.addHost("alice", acmeId, "dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com");
    }

    @Test
    void everyApiRouteWithAForeignOrUnknownIdAnswers404() {
        for (long id : new long[] { acmeId, UNKNOWN }) {
            as("bob").get("/api/v1/customers/" + id).then().statusCode(404);
            as("bob").contentType(ContentType.JSON).body(Map.of("name", "taken over", "version", 0))
                    .put("/api/v1/customers/" + id).then().statusCode(404);
            as("bob").delete("/api/v1/customers/" + id).then().statusCode(404);
            as("bob").get("/api/v1/customers/" + id + "/mcs-hosts").then().statusCode(404);
            as("bob").contentType(ContentType.JSON).body(Map.of("hosts", List.of("x.sophos.com")))
                    .post("/api/v1/customers/" + id + "/mcs-hosts").then().statusCode(404);
            as("bob").delete("/api/v1/customers/" + id + "/mcs-hosts/" + acmeHostId).then().statusCode(404);
            as("bob").get("/api/v1/customers/" + id + "/allowlist").then().statusCode(404)
                    .body("message", equalTo("There is nothing here, or it is not yours to see."));
            as("bob").get("/api/v1/customers/" + id + "/allowlist?format=squid").then().statusCode(404);
            as("bob").get("/api/v1/customers/" + id + "/allowlist/versions").then().statusCode(404);
            as("bob").contentType("application/octet-stream").body("Opening connection to x.sophos.com\n".getBytes())
                    .post("/api/v1/customers/" + id + "/installer-logs").then().statusCode(404);
            as("bob").get("/api/v1/customers/" + id + "/checks").then().statusCode(404);
            as("bob").contentType(ContentType.TEXT).body("sophos.com\n").post("/api/v1/customers/" + id + "/reconcile").then()
                    .statusCode(404);
            as("bob").get("/api/v1/audit?customerId=" + id).then().statusCode(200).body("events.size()", equalTo(0));
        }
        // alice's own customer, with a host id of hers under an unknown customer id
        as("alice").delete("/api/v1/customers/" + UNKNOWN + "/mcs-hosts/" + acmeHostId).then().statusCode(404);
        assertUntouched();
    }

    @Test
    void everyPageRouteWithAForeignOrUnknownIdAnswers404() {
        TestUsers.Csrf csrf = csrf("bob", "/customers/new");
        long bobs = Customers.create("bob", Customers.uniqueName("Globex own"), List.of("ENDPOINT"));
        for (long id : new long[] { acmeId, UNKNOWN }) {
            as("bob").get("/customers/" + id + "/changes").then().statusCode(404);
            as("bob").get("/customers/" + id + "/changes.csv").then().statusCode(404);
            formAs("bob", csrf).formParam("version", "1").post("/customers/" + id + "/applied").then().statusCode(404);
            // a selection with one foreign id among the partner's own: 404, and nothing of it done
            formAs("bob", csrf).formParam("ids", bobs).formParam("ids", id).post("/customers/applied").then().statusCode(404);
            formAs("bob", csrf).formParam("format", "txt").formParam("ids", bobs).formParam("ids", id)
                    .post("/exports/selected.zip").then().statusCode(404);
            for (String page : List.of("", "/edit", "/delete")) {
                as("bob").get("/customers/" + id + page).then().statusCode(404)
                        .body(containsString("Not found")).body(not(containsString(acmeName)));
            }
            formAs("bob", csrf).formParam("name", "taken over").formParam("version", "0")
                    .post("/customers/" + id).then().statusCode(404);
            formAs("bob", csrf).formParam("version", "0").post("/customers/" + id + "/delete").then().statusCode(404);
            formAs("bob", csrf).formParam("hosts", "x.sophos.com").post("/customers/" + id + "/hosts").then().statusCode(404);
            formAs("bob", csrf).post("/customers/" + id + "/hosts/" + acmeHostId + "/delete").then().statusCode(404);
            as("bob").get("/customers/" + id + "/history").then().statusCode(404);
            as("bob").get("/customers/" + id + "/installer-logs/1").then().statusCode(404);
            as("bob").get("/exports/customers/" + id + "?format=txt").then().statusCode(404);
            formAs("bob", csrf).formParam("format", "txt").post("/exports/customers/" + id + "/feeds").then().statusCode(404);
            formAs("bob", csrf).post("/exports/customers/" + id + "/feeds/1/revoke").then().statusCode(404);
            formAs("bob", csrf).post("/customers/" + id + "/checks/tokens").then().statusCode(404);
            formAs("bob", csrf).post("/customers/" + id + "/checks/tokens/1/revoke").then().statusCode(404);
            as("bob").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                    .multiPart("file", "report.json", "{}".getBytes(), "application/json")
                    .post("/customers/" + id + "/checks/upload").then().statusCode(404);
            as("bob").get("/customers/" + id + "/reconcile").then().statusCode(404);
            as("bob").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field()).multiPart("list", "sophos.com")
                    .post("/customers/" + id + "/reconcile").then().statusCode(404);
        }
        assertUntouched();
        assertThat(TestPartners.count("applied_version WHERE customer_id = " + bobs)).isZero();
        assertThat(TestPartners.count("applied_version WHERE customer_id = " + acmeId)).isZero();
    }

    @Test
    void listsNeverShowAnotherPartnersCustomers() {
        as("bob").get("/api/v1/customers").then().statusCode(200).body("name", not(hasItem(acmeName)));
        as("bob").get("/customers?q=Acme-only").then().statusCode(200).body(not(containsString(acmeName)));
        as("bob").get("/").then().statusCode(200).body(not(containsString(acmeName)));
        as("bob").get("/customers?state=pending&sort=pending").then().statusCode(200).body(not(containsString(acmeName)));
        as("bob").get("/audit?customerId=" + acmeId).then().statusCode(200).body(not(containsString(acmeName)));
        as("carol").get("/audit?customerId=" + acmeId).then().statusCode(200).body(containsString(acmeName));
        as("alice").get("/customers?q=" + acmeName.substring(acmeName.length() - 8)).then().statusCode(200)
                .body(containsString(acmeName));
    }

    @Test
    void aForgedPartnerIdInAJsonBodyOrAFormIsIgnored() {
        String viaJson = Customers.uniqueName("Forged JSON");
        long jsonId = as("bob").contentType(ContentType.JSON)
                .body(Map.of("name", viaJson, "partnerId", "acme", "partner_id", "acme"))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        as("alice").get("/api/v1/customers/" + jsonId).then().statusCode(404);
        as("bob").get("/api/v1/customers/" + jsonId).then().statusCode(200);

        String viaForm = Customers.uniqueName("Forged form");
        formAs("bob", csrf("bob", "/customers/new")).formParam("name", viaForm).formParam("partner_id", "acme")
                .formParam("partnerId", "acme").formParam("licenses", "CENTRAL")
                .post("/customers").then().statusCode(303);
        as("alice").get("/api/v1/customers").then().body("name", not(hasItem(viaForm)));
        as("bob").get("/api/v1/customers").then().body("name", hasItem(viaForm));
    }

    private static void assertUntouched() {
        as("alice").get("/api/v1/customers/" + acmeId).then().statusCode(200)
                .body("name", equalTo(acmeName)).body("version", equalTo(0))
                .body("mcsHosts.value", Matchers.contains("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com"));
        // in the database itself: still acme's, still one host, nothing moved to globex
        assertThat(TestPartners.count("customer WHERE id = " + acmeId + " AND partner_id = 'acme' AND name = '"
                + acmeName.replace("'", "''") + "'")).isEqualTo(1);
        assertThat(TestPartners.count("mcs_host WHERE customer_id = " + acmeId + " AND partner_id = 'acme'")).isEqualTo(1);
        assertThat(TestPartners.count("customer WHERE partner_id = 'globex' AND name = 'taken over'")).isZero();
    }
}
