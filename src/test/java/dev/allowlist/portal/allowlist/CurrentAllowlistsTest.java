package dev.allowlist.portal.allowlist;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.TestUsers.formAs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.feed.FeedPulls;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The in-memory allowlists: a repeat costs no query, a change through the portal is seen by the
 * very next request, a change behind its back (another instance, an operator's SQL) arrives through
 * PostgreSQL's announcements, and a cached allowlist is no key to another partner's data.
 */
@QuarkusTest
class CurrentAllowlistsTest {

    @Inject
    EntityManagerFactory emf;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CurrentAllowlists current;

    static long customer(String name, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("name", name);
        return as("alice").contentType(ContentType.JSON).body(body).post("/api/v1/customers").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Creates a feed as the user would on the customer page; returns its URL (shown once). */
    static String feed(String user, long customerId, String format) {
        TestUsers.Csrf csrf = csrf(user, "/customers/" + customerId);
        String page = formAs(user, csrf).formParam("format", format).post("/exports/customers/" + customerId + "/feeds")
                .then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(/feeds/[A-Za-z0-9_-]{40,})").matcher(page);
        assertThat(m.find()).as("the feed's URL on the page").isTrue();
        return m.group(1);
    }

    void sql(String statement, Object... params) {
        try (Connection c = TestDatabase.owner(); PreparedStatement st = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void eventually(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50)).until(condition);
    }

    static List<String> values(long id) {
        return as("alice").get("/api/v1/customers/" + id + "/allowlist").then().statusCode(200).extract().jsonPath()
                .getList("entries.value");
    }

    @Test
    void aRepeatCostsNoQueryAndEveryChangeThroughThePortalIsSeenByTheNextRequest() {
        TestPartners.ensureRegistered();
        assertThat(current.isListening()).isTrue();
        long id = customer("Cached " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT")));
        String path = "/api/v1/customers/" + id + "/allowlist";
        String first = as("alice").get(path).then().statusCode(200).extract().asString();

        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        assertThat(as("alice").get(path).then().statusCode(200).extract().asString()).isEqualTo(first);
        assertThat(stats.getPrepareStatementCount()).as("statements of a repeated allowlist").isZero();

        // the customer page's allowlist section, rendered once per snapshot and language, is markup (not
        // escaped twice), in the language of each visit
        as("alice").get("/customers/" + id).then().statusCode(200)
                .body(Matchers.containsString("<section id=\"allowlist\" class=\"allowlist\">"))
                .body(Matchers.containsString("<h3>Sophos domains</h3>"))
                .body(Matchers.containsString("<td class=\"host\"><code>dci.sophosupd.com</code></td>"))
                .body(Matchers.not(Matchers.containsString("&lt;section")));
        as("alice").header("Accept-Language", "ja").get("/customers/" + id).then().statusCode(200)
                .body(Matchers.containsString("<h3>ソフォスのドメイン</h3>"));
        as("alice").get("/customers/" + id).then().body(Matchers.containsString("<h3>Sophos domains</h3>"));

        // another partner gets 404 while alice's allowlist is held in memory, on every route that serves it
        as("bob").get(path).then().statusCode(404);
        as("bob").get(path + "?format=squid").then().statusCode(404);
        as("bob").get("/customers/" + id).then().statusCode(404);
        as("bob").get("/customers/" + id + "/changes").then().statusCode(404);
        as("bob").get("/exports/customers/" + id + "?format=txt").then().statusCode(404);

        // each change is seen by the next request: hosts, profile, removal, applied version, name
        as("alice").contentType(ContentType.JSON).body(Map.of("hosts", List.of("mcs-cached.sophos.com")))
                .post("/api/v1/customers/" + id + "/mcs-hosts").then().statusCode(200);
        assertThat(values(id)).contains("mcs-cached.sophos.com");
        as("alice").get(path).then().body("version", equalTo(2));

        Map<String, Object> body = new HashMap<>(as("alice").get("/api/v1/customers/" + id).then().extract().jsonPath().getMap(""));
        body.put("wildcardSupport", true);
        body.put("name", "Renamed " + UUID.randomUUID());
        as("alice").contentType(ContentType.JSON).body(body).put("/api/v1/customers/" + id).then().statusCode(200);
        assertThat(values(id)).contains("*.sophos.com");
        as("alice").get(path + "?format=txt").then().statusCode(200)
                .header("Content-Disposition", Matchers.containsString("renamed-"));

        long hostId = as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then().extract().jsonPath().getLong("[0].id");
        as("alice").delete("/api/v1/customers/" + id + "/mcs-hosts/" + hostId).then().statusCode(204);
        assertThat(values(id)).doesNotContain("mcs-cached.sophos.com");

        as("alice").get("/customers/" + id + "/changes").then().statusCode(200)
                .body(Matchers.containsString("Applied on the firewall: v0"));
        as("alice").contentType(ContentType.JSON).body(Map.of("version", 2)).post("/api/v1/customers/" + id + "/applied")
                .then().statusCode(200);
        as("alice").get("/customers/" + id + "/changes").then().statusCode(200)
                .body(Matchers.containsString("Applied on the firewall: v2"));

        int version = as("alice").get(path).then().extract().jsonPath().getInt("version");
        as("alice").delete("/api/v1/customers/" + id + "?version=" + as("alice").get("/api/v1/customers/" + id).then()
                .extract().jsonPath().getInt("version")).then().statusCode(204);
        as("alice").get(path).then().statusCode(404);
        assertThat(version).isGreaterThan(2);
    }

    /**
     * A snapshot weighs what was derived from it too: an export rendered for it adds at least its own text
     * to what the cache counts against its budget (it was left out, and a snapshot with every format
     * rendered took two and a half times its estimate).
     */
    @Test
    void aSnapshotIsWeighedAgainWithEachExportRenderedForIt() {
        TestPartners.ensureRegistered();
        long id = customer("Weighed " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT", "EDR")));
        String path = "/api/v1/customers/" + id + "/allowlist";
        String json = as("alice").get(path).then().statusCode(200).extract().asString();
        long withJson = current.weight();
        String squid = as("alice").get(path + "?format=squid").then().statusCode(200).extract().asString();
        long withSquid = current.weight();
        assertThat(withSquid - withJson).as("the Squid file's weight").isGreaterThanOrEqualTo(squid.length());
        as("alice").get(path + "?format=squid").then().statusCode(200);
        assertThat(current.weight()).as("rendered once, weighed once").isEqualTo(withSquid);
        assertThat(json).isNotEmpty();
    }

    @Test
    void changesBehindThePortalsBackArriveThroughPostgresNotifications() throws Exception {
        TestPartners.ensureRegistered();
        long id = customer("Behind " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT")));
        assertThat(values(id)).doesNotContain("mcs-behind.sophos.com"); // now held in memory
        // as another instance (or an operator) would: straight into the database
        sql("INSERT INTO mcs_host (partner_id, customer_id, value, first_seen_at, last_seen_at, source) "
                + "VALUES ('acme', ?, 'mcs-behind.sophos.com', now(), now(), 'TYPED')", id);
        eventually("the host added in SQL is served", () -> values(id).contains("mcs-behind.sophos.com"));

        // a version stored elsewhere (V25's statement trigger announces inserted versions) is the one served
        int version = as("alice").get("/api/v1/customers/" + id + "/allowlist").then().extract().jsonPath().getInt("version");
        sql("INSERT INTO allowlist_version (partner_id, customer_id, number, content_hash, catalog_version, entries, warnings, "
                + "cause, actor, created_at) SELECT partner_id, customer_id, number + 1, content_hash, catalog_version, entries, "
                + "warnings, 'hosts-observed', 'another instance', now() FROM allowlist_version WHERE partner_id = 'acme' "
                + "AND customer_id = ? AND number = " + version, id);
        eventually("the version stored in SQL is served", () -> as("alice").get("/api/v1/customers/" + id + "/allowlist")
                .then().extract().jsonPath().getInt("version") == version + 1);

        // a feed revoked elsewhere stops serving
        String url = feed("alice", id, "txt");
        given().get(url).then().statusCode(200);
        sql("UPDATE feed SET revoked_at = now() WHERE partner_id = 'acme' AND customer_id = ?", id);
        eventually("the feed revoked in SQL answers 404", () -> given().get(url).statusCode() == 404);

        // the customer page lists uploads from the snapshot: one stored by another instance shows up (V19)
        as("alice").get("/customers/" + id).then().statusCode(200)
                .body(Matchers.not(Matchers.containsString("behind-the-back.log")));
        sql("INSERT INTO installer_log_upload (partner_id, customer_id, file_name, size_bytes, sha256, encoding, line_count, "
                + "hosts_found, hosts_added, hosts_known, lines_ignored, result, uploaded_by, first_uploaded_at, "
                + "last_uploaded_at) VALUES ('acme', ?, 'behind-the-back.log', 1, repeat('a', 64), 'UTF-8', 1, 0, 0, 0, 0, "
                + "'{\"added\":[],\"known\":[],\"ignored\":[],\"ignoredCount\":0}', 'Another instance', now(), now())", id);
        eventually("the upload stored elsewhere is listed", () -> as("alice").get("/customers/" + id).then().extract()
                .asString().contains("behind-the-back.log"));
    }

    @Test
    void aCatalogMadeCurrentByAnotherInstanceIsUsedWithoutARestart() throws Exception {
        TestPartners.ensureRegistered();
        long id = customer("Catalog switch " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT")));
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode candidate = (ObjectNode) mapper.readTree(BundledCatalog.json());
        String catalogId = "sophos-central-switch-" + UUID.randomUUID().toString().substring(0, 8);
        candidate.put("id", catalogId);
        TestUsers.Csrf csrf = csrf("paula", "/platform/catalogs");
        as("paula").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", "catalog.json", mapper.writeValueAsString(candidate).getBytes(StandardCharsets.UTF_8),
                        "application/json")
                .post("/platform/catalogs").then().statusCode(303);
        String path = "/api/v1/customers/" + id + "/allowlist";
        as("alice").get(path).then().body("catalogVersion", equalTo("sophos-central-2026.11"));
        try {
            sql("UPDATE catalog_version SET current = false WHERE current");
            sql("UPDATE catalog_version SET current = true WHERE id = ?", catalogId);
            eventually("the other catalog is current here too", () -> catalogId.equals(
                    as("alice").get(path).then().extract().jsonPath().getString("catalogVersion")));
        } finally {
            sql("UPDATE catalog_version SET current = false WHERE current");
            sql("UPDATE catalog_version SET current = true WHERE id = 'sophos-central-2026.11'");
        }
        eventually("the bundled catalog is current again", () -> "sophos-central-2026.11".equals(
                as("alice").get(path).then().extract().jsonPath().getString("catalogVersion")));
    }

    @Inject
    FeedPulls feedPulls;

    @Test
    void concurrentFeedPullsAreCountedAndTheirOneDeliveryAuditedOnce() throws Exception {
        TestPartners.ensureRegistered();
        long id = customer("Pulled " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT")));
        String url = feed("alice", id, "squid");
        // another partner's firewall pulls at the same time: its events go to its own chain, in the same batches
        long globex = as("bob").contentType(ContentType.JSON).body(Map.of("name", "Pulled too " + UUID.randomUUID()))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        String globexUrl = feed("bob", globex, "txt");
        int pulls = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < pulls; i++) {
                answers.add(pool.submit(() -> given().get(url).statusCode()));
                // downloads by a member, at the same time, on the same chain
                answers.add(pool.submit(() -> as("alice").get("/exports/customers/" + id + "?format=txt").statusCode()));
                answers.add(pool.submit(() -> given().get(globexUrl).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        // 40 pulls racing, of one version by one firewall: one delivery, audited once; every download by a
        // person is an event of its own; the chain holds them all in order
        as("carol").get("/api/v1/audit?customerId=" + id + "&resourceType=feed&operation=ACTION").then()
                .body("events.size()", equalTo(1)).body("events[0].summary", equalTo("Feed version 1 delivered to 127.0.0.1 (squid)"));
        as("carol").get("/api/v1/audit?customerId=" + id + "&resourceType=export").then()
                .body("events.size()", equalTo(pulls));
        as("carol").get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        // the pulls are counted in memory, and written by the next flush
        feedPulls.flush();
        assertThat(TestPartners.count("feed WHERE customer_id = " + id + " AND pull_count = " + pulls)).isEqualTo(1);
        as("bob").get("/api/v1/audit?customerId=" + globex + "&resourceType=feed&operation=ACTION").then()
                .body("events.size()", equalTo(1));
        as("bob").get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        assertThat(TestPartners.count("feed WHERE customer_id = " + globex + " AND pull_count = " + pulls)).isEqualTo(1);
    }
}
