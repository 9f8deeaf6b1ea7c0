package dev.allowlist.portal.customer;

import static dev.allowlist.portal.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerApiResourceTest {

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    @Test
    void withoutCredentialsTheApiAnswers401NotALoginRedirect() {
        given().redirects().follow(false).get("/api/v1/customers").then().statusCode(401);
        given().redirects().follow(false).auth().oauth2("not-a-token").get("/api/v1/customers").then().statusCode(401);
    }

    @Test
    void createReadUpdateDelete() {
        String name = Customers.uniqueName("Sakura Trading");
        JsonPath created = as("alice").contentType(ContentType.JSON)
                .body(Map.of("name", name, "externalReference", "ACME-9", "licenses", List.of("MTR"),
                        "regions", List.of("eu-west-1"), "wildcardSupport", false, "narrowHydra", true))
                .post("/api/v1/customers")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/customers/"))
                .body("name", equalTo(name))
                .body("licenses", contains("CENTRAL", "MTR"))
                .body("effectiveLicenses", contains("CENTRAL", "ENDPOINT", "EDR", "MTR"))
                .body("version", equalTo(0))
                .extract().jsonPath();
        long id = created.getLong("id");

        Map<String, Object> body = new HashMap<>(as("alice").get("/api/v1/customers/" + id)
                .then().statusCode(200).extract().jsonPath().getMap(""));
        body.put("name", name + " KK");
        body.put("licenses", List.of("ENDPOINT", "AD_SYNC"));
        as("erin").contentType(ContentType.JSON).body(body).put("/api/v1/customers/" + id)
                .then().statusCode(200)
                .body("name", equalTo(name + " KK"))
                .body("licenses", contains("CENTRAL", "ENDPOINT", "AD_SYNC"))
                .body("version", equalTo(1));

        as("victor").get("/api/v1/customers").then().statusCode(200).body("name", hasItem(name + " KK"));

        as("alice").delete("/api/v1/customers/" + id + "?version=1").then().statusCode(204);
        as("alice").get("/api/v1/customers/" + id).then().statusCode(404);
    }

    @Test
    void staleVersionAnswers409AndChangesNothing() {
        String name = Customers.uniqueName("Stale");
        long id = Customers.create("alice", name, List.of("ENDPOINT"));
        Map<String, Object> seen = new HashMap<>(as("alice").get("/api/v1/customers/" + id).then().extract().jsonPath().getMap(""));

        Map<String, Object> first = new HashMap<>(seen);
        first.put("notes", "first edit");
        as("erin").contentType(ContentType.JSON).body(first).put("/api/v1/customers/" + id).then().statusCode(200);

        Map<String, Object> second = new HashMap<>(seen);
        second.put("notes", "second edit, based on the old version");
        as("alice").contentType(ContentType.JSON).body(second).put("/api/v1/customers/" + id)
                .then().statusCode(409).body("message", containsString("changed by someone else"));
        as("alice").get("/api/v1/customers/" + id).then().body("notes", equalTo("first edit")).body("version", equalTo(1));

        as("alice").delete("/api/v1/customers/" + id + "?version=0").then().statusCode(409);
        as("alice").get("/api/v1/customers/" + id).then().statusCode(200);
    }

    @Test
    void badInputIs400WithFieldErrorsAndNothingIsSaved() {
        long before = TestPartners.count("customer");
        as("alice").contentType(ContentType.JSON).body(Map.of("name", "  ")).post("/api/v1/customers")
                .then().statusCode(400).body("errors.field", hasItem("name")).body("errors.message", hasItem("Required."));
        as("alice").contentType(ContentType.JSON).body(Map.of("name", "x".repeat(10_240))).post("/api/v1/customers")
                .then().statusCode(400).body("errors.message", hasItem("At most 200 characters."));
        as("alice").contentType(ContentType.JSON).body(Map.of("name", "Unknown licence", "licenses", List.of("ENDPOINT", "PLATINUM")))
                .post("/api/v1/customers")
                .then().statusCode(400).body("errors.field", hasItem("licenses"))
                .body("message", containsString("Unknown license \"PLATINUM\""));
        as("alice").contentType(ContentType.JSON).body(Map.of("name", "Bad region", "regions", List.of("mars")))
                .post("/api/v1/customers").then().statusCode(400).body("errors.field", hasItem("regions"));
        as("alice").contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/customers").then().statusCode(400);
        as("alice").contentType(ContentType.JSON).body("{\"name\": \"x\", \"licenses\": \"EDR\"}").post("/api/v1/customers")
                .then().statusCode(400);
        assertThat(TestPartners.count("customer")).isEqualTo(before);
    }

    @Test
    void mcsHostsAreNormalisedAndValidatedAllOrNothing() {
        long id = Customers.create("alice", Customers.uniqueName("Hosts"), List.of("ENDPOINT"));
        as("alice").contentType(ContentType.JSON)
                .body(Map.of("hosts", List.of("DZR-API-AMZN-EU-WEST-1-9AF7.api-upe.p.hmr.sophos.com.", "bücher.example.com")))
                .post("/api/v1/customers/" + id + "/mcs-hosts")
                .then().statusCode(200)
                .body("added", contains("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com", "xn--bcher-kva.example.com"))
                .body("outsideVendorDomains", contains("xn--bcher-kva.example.com"));
        as("alice").contentType(ContentType.JSON)
                .body(Map.of("hosts", List.of("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com")))
                .post("/api/v1/customers/" + id + "/mcs-hosts")
                .then().statusCode(200).body("added", hasSize(0)).body("alreadyKnown", hasSize(1));

        long hosts = TestPartners.count("mcs_host");
        for (String bad : List.of("not a host", "10.0.0.1", "-bad-.sophos.com", "a..b.sophos.com", "x".repeat(300) + ".com", "")) {
            as("alice").contentType(ContentType.JSON).body(Map.of("hosts", List.of("ok.sophos.com", bad)))
                    .post("/api/v1/customers/" + id + "/mcs-hosts")
                    .then().statusCode(400).body("errors.field", hasItem("hosts"));
        }
        assertThat(TestPartners.count("mcs_host")).isEqualTo(hosts);
        as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then().body("value", not(hasItem("ok.sophos.com")));
    }

    @Test
    void allowlistJsonFollowsTheWorkedExampleA() {
        long id = Customers.create("alice", Customers.uniqueName("Example A"), List.of("ENDPOINT"));
        as("victor").get("/api/v1/customers/" + id + "/allowlist")
                .then().statusCode(200)
                .body("customerId", equalTo((int) id))
                .body("catalogVersion", equalTo("sophos-central-2026.11"))
                .body("contentHash", Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("entries.value", contains("*.sophos.com", "sophos.com", "*.sophosupd.com", "*.sophosupd.net",
                        "*.sophosxl.net", "sophosxl.net", "amazonaws.com", "az416426.vo.msecnd.net",
                        "dc.services.visualstudio.com", "*.cloudfront.net", "ocsp.globalsign.com", "ocsp2.globalsign.com",
                        "crl.globalsign.com", "crl.globalsign.net", "ocsp.digicert.com", "crl3.digicert.com",
                        "crl4.digicert.com"))
                .body("entries[0].kind", equalTo("wildcard"))
                .body("entries[0].owner", equalTo("sophos"))
                .body("entries[0].ports", contains(80, 443))
                .body("entries[0].reasons.rule", hasItem("central.wildcard-sophos-com"))
                .body("entries[7].owner", equalTo("third-party"))
                .body("warnings", hasSize(0))
                .body("regions.source", equalTo("ALL"));
    }

    @Test
    void theFullListStreamsInNameOrderAcrossBatchesWithoutLosingOrRepeatingACustomer() throws Exception {
        TestPartners.ensureRegistered();
        // 480 names, then 60 alike, for globex: the batch boundary at 500 falls among customers of one
        // name (the id breaks the tie), and case differs (the order is PostgreSQL's lower())
        AgroalDataSource dataSource = Arc.container()
                .instance(AgroalDataSource.class).get();
        List<Long> expected = new ArrayList<>();
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO customer (partner_id, name, created_at, updated_at) SELECT 'globex', "
                    + "CASE WHEN g % 2 = 0 THEN 'Stream ' ELSE 'stream ' END || lpad(g::text, 3, '0'), now(), now() "
                    + "FROM generate_series(1, 480) g");
            st.executeUpdate("INSERT INTO customer (partner_id, name, created_at, updated_at) "
                    + "SELECT 'globex', 'Stream twin', now(), now() FROM generate_series(1, 60)");
            try (ResultSet rs = st.executeQuery("SELECT id FROM customer WHERE partner_id = 'globex' "
                    + "ORDER BY lower(name), id")) {
                while (rs.next()) {
                    expected.add(rs.getLong(1));
                }
            }
        }
        assertThat(expected.size()).isGreaterThan(CustomerRepository.BATCH);
        List<Long> streamed = as("bob").get("/api/v1/customers").then().statusCode(200)
                .header("Content-Type", containsString("application/json")).extract().jsonPath().getList("id", Long.class);
        assertThat(streamed).containsExactlyElementsOf(expected);
        // and none of them for another partner
        assertThat(as("alice").get("/api/v1/customers").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class)).doesNotContainAnyElementsOf(expected);
        as("mallory").get("/api/v1/customers").then().statusCode(403);
    }
}
