package dev.allowlist.portal.platform;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.catalog.CatalogPublication;
import dev.allowlist.portal.customer.Customers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Publishing a catalog that removes a rule: a removal in every affected customer's report, nothing for the others. */
@QuarkusTest
public class CatalogPublishingTest {

    @Inject
    CatalogPublisher publisher;

    static final ObjectMapper MAPPER = new ObjectMapper();

    static long customer(String user, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/api/v1/customers").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /**
     * The bundled catalog under another id, without the rule for t1.sophosupd.com (and without it as an
     * alternative of others): every explicit ENDPOINT customer loses that entry when it is published.
     */
    public static byte[] withoutT1(String id) throws java.io.IOException {
        ObjectNode candidate = (ObjectNode) MAPPER.readTree(BundledCatalog.json());
        candidate.put("id", id);
        ArrayNode rules = (ArrayNode) candidate.get("rules");
        for (int i = rules.size() - 1; i >= 0; i--) {
            ObjectNode rule = (ObjectNode) rules.get(i);
            if (rule.get("id").asText().equals("endpoint.t1-sophosupd-com")) {
                rules.remove(i);
            } else if (rule.has("alternativeOf")) {
                ArrayNode alternatives = (ArrayNode) rule.get("alternativeOf");
                for (int j = alternatives.size() - 1; j >= 0; j--) {
                    if (alternatives.get(j).asText().equals("endpoint.t1-sophosupd-com")) {
                        alternatives.remove(j);
                    }
                }
            }
        }
        return MAPPER.writeValueAsString(candidate).getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads a catalog file as paula; returns the page (refused) or the redirect's location (stored). */
    public static String upload(byte[] file, int status) {
        TestUsers.Csrf csrf = csrf("paula", "/platform/catalogs");
        Response response = as("paula").cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.field()).multiPart("file", "catalog.json", file, "application/json")
                .post("/platform/catalogs");
        response.then().statusCode(status);
        return status == 303 ? response.header("Location") : response.asString();
    }

    public static void publishAndWait(String versionId) throws InterruptedException {
        TestUsers.Csrf csrf = csrf("paula", "/platform/catalogs/" + versionId + "/publish");
        String location = TestUsers.formAs("paula", csrf).post("/platform/catalogs/" + versionId + "/publish")
                .then().statusCode(303).extract().header("Location");
        String run = location.substring(location.indexOf("/platform/"));
        Awaitility.await("publication " + run).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    String page = as("paula").get(run).then().statusCode(200).extract().asString();
                    assertThat(page).doesNotContain("data-status=\"FAILED\"");
                    return page.contains("data-status=\"DONE\"");
                });
    }

    private static String newestHash(long customerId) throws SQLException {
        try (Connection c = TestDatabase.owner(); PreparedStatement st = c.prepareStatement(
                "SELECT content_hash FROM allowlist_version WHERE customer_id = ? ORDER BY number DESC LIMIT 1")) {
            st.setLong(1, customerId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void awaitNoRunningPublication() {
        Awaitility.await("no publication running").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> TestPartners.count("catalog_publication WHERE status = 'RUNNING'") == 0);
    }

    static List<Integer> versions(String user, long id) {
        return as(user).get("/api/v1/customers/" + id + "/allowlist/versions").then().extract().jsonPath().getList("number");
    }

    @Test
    void publishingACatalogThatRemovesARuleChangesExactlyTheCustomersThatHadIt() throws Exception {
        TestPartners.ensureRegistered();
        as("alice").get("/platform/catalogs").then().statusCode(403);

        // a broken catalog is refused, naming the rule; nothing is stored
        long catalogVersionsBefore = TestPartners.count("catalog_version");
        ObjectNode broken = (ObjectNode) MAPPER.readTree(BundledCatalog.json());
        ((ObjectNode) broken.get("rules").get(3)).put("section", "nowhere");
        String refused = upload(MAPPER.writeValueAsBytes(broken), 400);
        assertThat(refused).contains("unknown section").contains("rule &#39;central.downloads-sophos-com&#39;");
        assertThat(TestPartners.count("catalog_version")).isEqualTo(catalogVersionsBefore);

        long explicit = customer("alice", Map.of("name", "Explicit " + UUID.randomUUID(), "licenses", List.of("ENDPOINT")));
        long wildcard = customer("alice", Map.of("name", "Wildcard " + UUID.randomUUID(), "licenses", List.of("ENDPOINT"),
                "wildcardSupport", true));
        long centralOnly = customer("alice", Map.of("name", "Central " + UUID.randomUUID()));
        long globex = customer("bob", Map.of("name", "Globex explicit " + UUID.randomUUID(), "licenses", List.of("ENDPOINT")));
        // every part of a profile, and hosts observed out of alphabetical order: the publisher reads them in
        // one query per batch, and must generate exactly what the customer's own page does
        long rich = customer("alice", Map.of("name", "Rich " + UUID.randomUUID(), "licenses", List.of("ENDPOINT", "EDR", "AD_SYNC"),
                "regions", List.of("ap-northeast-1", "eu-west-1"), "usesActiveDirectory", true, "tlsInspection", true,
                "applicationFiltering", true, "narrowHydra", true));
        Customers.addHost("alice", rich, "mcs2-cloudstation-eu-central-1.prod.hydra.sophos.com");
        Customers.addHost("alice", rich, "mcs-cloudstation-eu-west-1.prod.hydra.sophos.com");

        // the candidate: the bundled catalog without t1.sophosupd.com
        String id = "sophos-central-test-" + UUID.randomUUID().toString().substring(0, 8);
        String uploaded = upload(withoutT1(id), 303);
        assertThat(uploaded).endsWith("/platform/catalogs/" + id);

        as("paula").get("/platform/catalogs/" + id).then().statusCode(200)
                .body(containsString("Rules removed (1)")).body(containsString("endpoint.t1-sophosupd-com"))
                .body(containsString("would get a new allowlist version"))
                .body(containsString("<code>− t1.sophosupd.com</code> (removed entry)"))
                .body(containsString("href=\"/platform/catalogs/" + id + "/publish\""));
        // the button leads to a page that states the impact once more, in words and in both languages
        String confirm = as("paula").get("/platform/catalogs/" + id + "/publish").then().statusCode(200).extract().asString();
        assertThat(confirm).contains("Publish " + id + "?").containsPattern("[0-9,]+ customers? of [0-9,]+ partners? gets? a new "
                + "allowlist version").contains("action=\"/platform/catalogs/" + id + "/publish\"");
        as("paula").cookie("lang", "ja").get("/platform/catalogs/" + id + "/publish").then().statusCode(200)
                .body(containsString("新しい許可リストのバージョンができます"));

        publishAndWait(id);
        String run = as("paula").get("/platform/catalogs").then().extract().asString();
        assertThat(run).contains("Done").doesNotContain("<td>DONE</td>");
        as("alice").get("/api/v1/customers/" + explicit + "/allowlist").then().body("catalogVersion", equalTo(id));
        assertThat(versions("alice", explicit)).containsExactly(2, 1);
        as("alice").get("/api/v1/customers/" + explicit + "/changes?from=1&to=2").then()
                .body("removed.value", contains("t1.sophosupd.com")).body("added", hasSize(0))
                .body("causes[0]", containsString("catalog-published"));
        assertThat(versions("bob", globex)).containsExactly(2, 1);
        as("bob").get("/api/v1/customers/" + globex + "/changes?from=1&to=2").then().body("removed.value", contains("t1.sophosupd.com"));
        assertThat(versions("alice", wildcard)).containsExactly(1);   // *.sophosupd.com covered it anyway
        assertThat(versions("alice", centralOnly)).containsExactly(1); // never had it
        assertThat(versions("alice", rich)).containsExactly(4, 3, 2, 1); // created, two hosts observed, published
        String served = as("alice").get("/api/v1/customers/" + rich + "/allowlist").then().statusCode(200)
                .extract().path("contentHash");
        assertThat(newestHash(rich)).as("the published version is the allowlist the customer is served").isEqualTo(served);

        // older versions stay readable and can be published again
        as("paula").get("/platform/catalogs/sophos-central-2026.11/content").then().statusCode(200)
                .body(containsString("endpoint.t1-sophosupd-com"));
        publishAndWait("sophos-central-2026.11");
        as("alice").get("/api/v1/customers/" + explicit + "/changes?from=2&to=3").then()
                .body("added.value", contains("t1.sophosupd.com"));
        as("alice").get("/api/v1/customers/" + wildcard + "/allowlist").then().body("catalogVersion", equalTo("sophos-central-2026.11"));
        // an interrupted run resumes from its cursor: customers before it are left as they are
        long before = TestPartners.count("allowlist_version");
        QuarkusTransaction.requiringNew().run(() -> {
            CatalogPublication interrupted = new CatalogPublication();
            interrupted.catalogVersion = id;
            interrupted.previousVersion = "sophos-central-2026.11";
            interrupted.status = "RUNNING";
            interrupted.total = 2;
            interrupted.lastPartner = "globex";
            interrupted.lastCustomerId = globex - 1;
            interrupted.startedBy = "test";
            interrupted.startedAt = OffsetDateTime.now();
            interrupted.persist();
        });
        publisher.resume(null);
        awaitNoRunningPublication();
        // the catalog (current: the bundled one) gives the same content as before: no version anywhere,
        // and the run went only over globex's customers from the cursor on
        assertThat(TestPartners.count("allowlist_version")).isEqualTo(before);
        // every customer after the cursor, in (partner, id) order: globex's from it on, and any partner after globex
        long expected = TestPartners.count("customer WHERE (partner_id, id) > ('globex', " + (globex - 1) + ")");
        assertThat(TestPartners.count("catalog_publication WHERE status = 'DONE' AND last_partner = "
                + "(SELECT max(partner_id) FROM customer) AND done = "
                + expected + " AND started_by = 'test' AND catalog_version = '" + id + "'")).isEqualTo(1);

        // publishing the current version again (the page offers no button, the route takes it) keeps it
        // current: a restart must find one
        TestUsers.Csrf listCsrf = csrf("paula", "/platform/catalogs");
        TestUsers.formAs("paula", listCsrf).post("/platform/catalogs/sophos-central-2026.11/publish").then().statusCode(303);
        awaitNoRunningPublication();
        assertThat(TestPartners.count("catalog_version WHERE current")).isEqualTo(1);
        assertThat(TestPartners.count("catalog_version WHERE current AND id = 'sophos-central-2026.11'")).isEqualTo(1);

        as("paula").get("/api/v1/audit?resourceType=catalog").then()
                .body("events.summary", Matchers.hasItem("Rule catalog " + id + " published (was sophos-central-2026.11)"));
    }

    /**
     * Another instance was running a publication and died (its lease ran out) halfway: this instance
     * takes the run over from its cursor, and every customer after the cursor gets exactly one version,
     * none before it. A run whose instance still holds its lease is left alone.
     */
    @Test
    void aRunWhoseInstanceDiedIsTakenOverFromItsCursorAndALiveOneIsLeftAlone() throws Exception {
        TestPartners.ensureRegistered();
        awaitNoRunningPublication();
        long cursor;
        long dead;
        long alive;
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO partner (id, display_name) VALUES ('zz-takeover', 'Takeover') ON CONFLICT DO NOTHING");
            st.execute("DELETE FROM allowlist_version WHERE partner_id = 'zz-takeover'");
            st.execute("DELETE FROM customer_license WHERE partner_id = 'zz-takeover'");
            st.execute("DELETE FROM customer WHERE partner_id = 'zz-takeover'");
            st.execute("INSERT INTO customer (partner_id, name, regions, wildcard_support, narrow_hydra, created_at, updated_at) "
                    + "SELECT 'zz-takeover', 'Takeover ' || g, '{}'::varchar[], g % 2 = 0, false, now(), now() "
                    + "FROM generate_series(1, 1200) g");
            st.execute("INSERT INTO customer_license (partner_id, customer_id, license) SELECT partner_id, id, 'ENDPOINT' "
                    + "FROM customer WHERE partner_id = 'zz-takeover'");
            try (ResultSet rs = st.executeQuery("SELECT id FROM customer WHERE partner_id = 'zz-takeover' "
                    + "ORDER BY id OFFSET 599 LIMIT 1")) {
                rs.next();
                cursor = rs.getLong(1); // the dead instance had done the first 600
            }
            String current;
            try (ResultSet rs = st.executeQuery("SELECT id FROM catalog_version WHERE current")) {
                rs.next();
                current = rs.getString(1);
            }
            String insert = "INSERT INTO catalog_publication (catalog_version, previous_version, status, total, done, changed, "
                    + "last_partner, last_customer_id, started_by, started_at, owner, lease_until) VALUES ('" + current + "', '"
                    + current + "', 'RUNNING', 1200, 600, 600, 'zz-takeover', %d, 'test', now(), '%s', now() + interval '%s') "
                    + "RETURNING id";
            try (ResultSet rs = st.executeQuery(String.format(insert, cursor, "dead-instance/00000000", "-1 second"))) {
                rs.next();
                dead = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery(String.format(insert, cursor, "alive-elsewhere/11111111", "1 hour"))) {
                rs.next();
                alive = rs.getLong(1);
            }
        }
        try {
            assertThat(publisher.takeOver()).contains(dead).doesNotContain(alive);
            Awaitility.await("taken over and done").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> TestPartners.count("catalog_publication WHERE id = " + dead + " AND status = 'DONE'") == 1);
            long after = TestPartners.count("customer WHERE partner_id = 'zz-takeover' AND id > " + cursor);
            assertThat(after).isEqualTo(600);
            assertThat(TestPartners.count("allowlist_version WHERE partner_id = 'zz-takeover' AND customer_id > " + cursor))
                    .isEqualTo(after);
            assertThat(TestPartners.count("(SELECT DISTINCT customer_id FROM allowlist_version WHERE partner_id = 'zz-takeover') d"))
                    .isEqualTo(after);
            assertThat(TestPartners.count("allowlist_version WHERE partner_id = 'zz-takeover' AND customer_id <= " + cursor)).isZero();
            assertThat(TestPartners.count("catalog_publication WHERE id = " + dead + " AND done = 1200 AND changed = 1200 "
                    + "AND owner IS NULL")).isEqualTo(1);
            // the other instance's run is still its own
            assertThat(TestPartners.count("catalog_publication WHERE id = " + alive + " AND status = 'RUNNING' "
                    + "AND owner = 'alive-elsewhere/11111111'")).isEqualTo(1);
        } finally {
            try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
                st.execute("UPDATE catalog_publication SET status = 'FAILED', error = 'test', owner = NULL WHERE id = " + alive);
            }
        }
    }
}
