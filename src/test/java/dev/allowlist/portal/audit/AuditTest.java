package dev.allowlist.portal.audit;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.TestUsers.formAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every change is audited in its own transaction, the history is tamper-evident, and partners' histories stay apart. */
@QuarkusTest
class AuditTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void partners() {
        TestPartners.ensureRegistered();
    }

    /** The events of acme after a given id, as alice (a partner admin) reads them from the API. */
    static List<Map<String, Object>> acmeEventsAfter(long afterId) {
        List<Map<String, Object>> events = as("alice").get("/api/v1/audit").then().statusCode(200).extract()
                .jsonPath().getList("events");
        return events.stream().filter(e -> ((Number) e.get("id")).longValue() > afterId).toList();
    }

    static long lastAcmeEventId() {
        List<Map<String, Object>> events = acmeEventsAfter(0);
        return events.isEmpty() ? 0 : ((Number) events.get(events.size() - 1).get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> after(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("details")).get("after");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> before(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("details")).get("before");
    }

    @Test
    void everyMutatingRouteWritesExactlyTheExpectedEvent() {
        long start = lastAcmeEventId();
        String name = "Audited " + UUID.randomUUID().toString().substring(0, 8);

        // create (API)
        long id = as("alice").contentType(ContentType.JSON).body(Map.of("name", name, "licenses", List.of("ENDPOINT")))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Map<String, Object>> events = acmeEventsAfter(start);
        assertThat(events).hasSize(1);
        Map<String, Object> created = events.get(0);
        assertThat(created).containsEntry("operation", "CREATE").containsEntry("resourceType", "customer")
                .containsEntry("actorSubject", "alice").containsEntry("client", "api")
                .containsEntry("resourceId", String.valueOf(id));
        assertThat(((Number) created.get("customerId")).longValue()).isEqualTo(id);
        assertThat(after(created)).containsEntry("name", name).containsEntry("licenses", List.of("CENTRAL", "ENDPOINT"));
        long mark = ((Number) created.get("id")).longValue();

        // update (page form, by erin): only the changed fields, before and after
        TestUsers.Csrf csrf = csrf("erin", "/customers/" + id + "/edit");
        formAs("erin", csrf).formParam("name", name).formParam("licenses", "CENTRAL").formParam("licenses", "EDR")
                .formParam("wildcardSupport", "true").formParam("version", "0").post("/customers/" + id).then().statusCode(303);
        events = acmeEventsAfter(mark);
        assertThat(events).hasSize(1);
        Map<String, Object> updated = events.get(0);
        assertThat(updated).containsEntry("operation", "UPDATE").containsEntry("actorSubject", "erin")
                .containsEntry("client", "web");
        assertThat(before(updated)).isEqualTo(Map.of("licenses", List.of("CENTRAL", "ENDPOINT"), "wildcardSupport", false));
        assertThat(after(updated)).isEqualTo(Map.of("licenses", List.of("CENTRAL", "EDR"), "wildcardSupport", true));
        mark = ((Number) updated.get("id")).longValue();

        // hosts added, then one removed
        as("alice").contentType(ContentType.JSON).body(Map.of("hosts", List.of("mcs-a.sophos.com")))
                .post("/api/v1/customers/" + id + "/mcs-hosts").then().statusCode(200);
        events = acmeEventsAfter(mark);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("operation", "CREATE").containsEntry("resourceType", "mcs-host");
            assertThat((Map<String, Object>) e.get("details")).containsEntry("added", List.of("mcs-a.sophos.com"));
        });
        mark = ((Number) events.get(0).get("id")).longValue();
        long hostId = as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then().extract().jsonPath().getLong("[0].id");
        as("alice").delete("/api/v1/customers/" + id + "/mcs-hosts/" + hostId).then().statusCode(204);
        events = acmeEventsAfter(mark);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("operation", "DELETE").containsEntry("resourceId", String.valueOf(hostId));
            assertThat(before(e)).containsEntry("value", "mcs-a.sophos.com");
        });
        mark = ((Number) events.get(0).get("id")).longValue();

        // an installer log: the upload and the hosts it added
        as("alice").contentType("application/octet-stream")
                .body("Opening connection to mcs-b.sophos.com\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/customers/" + id + "/installer-logs?fileName=a.log").then().statusCode(201);
        events = acmeEventsAfter(mark);
        assertThat(events).extracting(e -> e.get("operation") + " " + e.get("resourceType"))
                .containsExactly("CREATE mcs-host", "ACTION installer-log");
        mark = ((Number) events.get(1).get("id")).longValue();

        // delete: the whole customer as it was
        as("alice").delete("/api/v1/customers/" + id).then().statusCode(204);
        events = acmeEventsAfter(mark);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("operation", "DELETE").containsEntry("resourceType", "customer");
            assertThat(before(e)).containsEntry("name", name).containsEntry("wildcardSupport", true);
        });
    }

    @Test
    void thePagesFormsWriteTheSameEvents() {
        long start = lastAcmeEventId();
        String name = "Page audited " + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.Csrf csrf = csrf("erin", "/customers/new");
        String location = formAs("erin", csrf).formParam("name", name).formParam("licenses", "CENTRAL")
                .post("/customers").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        formAs("erin", csrf).formParam("hosts", "page-host.sophos.com").post("/customers/" + id + "/hosts")
                .then().statusCode(303);
        long hostId = as("erin").get("/api/v1/customers/" + id + "/mcs-hosts").then().extract().jsonPath().getLong("[0].id");
        formAs("erin", csrf).post("/customers/" + id + "/hosts/" + hostId + "/delete").then().statusCode(303);
        as("erin").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", "page.log", "Opening connection to page-log.sophos.com\n".getBytes(StandardCharsets.UTF_8),
                        "text/plain").post("/customers/" + id + "/installer-logs").then().statusCode(303);
        formAs("erin", csrf).formParam("version", "0").post("/customers/" + id + "/delete").then().statusCode(303);

        List<Map<String, Object>> events = acmeEventsAfter(start);
        assertThat(events).extracting(e -> e.get("operation") + " " + e.get("resourceType") + " " + e.get("actorSubject")
                + " " + e.get("client")).containsExactly(
                        "CREATE customer erin web", "CREATE mcs-host erin web", "DELETE mcs-host erin web",
                        "CREATE mcs-host erin web", "ACTION installer-log erin web", "DELETE customer erin web");
        assertThat(events).allSatisfy(e -> assertThat(((Number) e.get("customerId")).longValue()).isEqualTo(id));
        assertThat(events.get(0).get("resourcePath")).isEqualTo("/customers");
    }

    @Test
    void platformActionsGoToThePlatformsChain() {
        String slug = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.Csrf csrf = csrf("paula", "/platform/partners");
        formAs("paula", csrf).formParam("slug", slug).formParam("displayName", "Audited MSP")
                .post("/platform/partners").then().statusCode(303);
        List<Map<String, Object>> events = as("paula").get("/api/v1/audit?resourceType=partner").then().statusCode(200)
                .extract().jsonPath().getList("events");
        assertThat(events).last().satisfies(e -> {
            assertThat(e).containsEntry("operation", "CREATE").containsEntry("actorSubject", "paula")
                    .containsEntry("resourceId", slug);
            assertThat(after(e)).containsEntry("displayName", "Audited MSP");
        });
        as("alice").get("/api/v1/audit").then().body(not(containsString(slug)));
        as("paula").get("/api/v1/audit/verify").then().body("intact", equalTo(true));
    }

    @Test
    void failedOrRefusedChangesWriteNoEvent() {
        long id = as("alice").contentType(ContentType.JSON).body(Map.of("name", "Refusals " + UUID.randomUUID()))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        long start = lastAcmeEventId();
        long all = TestPartners.count("audit_event");
        as("alice").contentType(ContentType.JSON).body(Map.of("name", "")).post("/api/v1/customers").then().statusCode(400);
        Map<String, Object> stale = new HashMap<>(as("alice").get("/api/v1/customers/" + id).then().extract().jsonPath().getMap(""));
        stale.put("version", 99);
        stale.put("notes", "stale");
        as("alice").contentType(ContentType.JSON).body(stale).put("/api/v1/customers/" + id).then().statusCode(409);
        as("victor").delete("/api/v1/customers/" + id).then().statusCode(403);
        as("bob").delete("/api/v1/customers/" + id).then().statusCode(404);
        as("alice").contentType(ContentType.JSON).body(Map.of("hosts", List.of("ok.sophos.com", "not a host")))
                .post("/api/v1/customers/" + id + "/mcs-hosts").then().statusCode(400);
        as("alice").contentType("application/zip").body(new byte[] { 0x50, 0x4B, 0x03, 0x04 })
                .post("/api/v1/customers/" + id + "/installer-logs").then().statusCode(400);
        assertThat(acmeEventsAfter(start)).isEmpty();
        assertThat(TestPartners.count("audit_event")).isEqualTo(all);
    }

    @Test
    void tamperingIsDetectedAtTheExactLinkAndTheApplicationRoleCannotTamper() throws Exception {
        for (int i = 0; i < 3; i++) {
            as("alice").contentType(ContentType.JSON).body(Map.of("name", "Chain " + i + " " + UUID.randomUUID()))
                    .post("/api/v1/customers").then().statusCode(201);
        }
        as("carol").get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        List<Map<String, Object>> events = acmeEventsAfter(0);
        long victim = ((Number) events.get(events.size() - 2).get("id")).longValue();
        long next = ((Number) events.get(events.size() - 1).get("id")).longValue();

        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            // the trigger refuses even the superuser
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_event SET summary = 'x' WHERE id = " + victim))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event WHERE id = " + victim))
                    .hasMessageContaining("append-only");

            // as the database superuser, with the trigger disabled: alter an event
            st.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            st.executeUpdate("CREATE TEMP TABLE kept AS SELECT * FROM audit_event WHERE id = " + victim);
            try {
                st.executeUpdate("UPDATE audit_event SET summary = 'Nothing happened here' WHERE id = " + victim);
                as("carol").get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(false))
                        .body("brokenEventId", equalTo((int) victim)).body("problem", containsString("changed"));
                as("carol").get("/audit/verify").then().statusCode(200).body(containsString("Broken at event " + victim));
                // ... and delete one: the link after it breaks
                st.executeUpdate("DELETE FROM audit_event WHERE id = " + victim);
                as("carol").get("/api/v1/audit/verify").then().body("intact", equalTo(false))
                        .body("brokenEventId", equalTo((int) next));
            } finally {
                // the chain as it was, whatever failed above (a reused test database stays usable)
                st.executeUpdate("DELETE FROM audit_event WHERE id = " + victim);
                st.executeUpdate("INSERT INTO audit_event (id, partner_id, occurred_at, actor_subject, actor_name, client, "
                        + "ip_address, operation, resource_type, resource_id, resource_path, customer_id, summary, details, "
                        + "prev_hash, hash) SELECT id, partner_id, occurred_at, actor_subject, actor_name, client, ip_address, "
                        + "operation, resource_type, resource_id, resource_path, customer_id, summary, details, prev_hash, "
                        + "hash FROM kept");
                st.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            }
            as("carol").get("/api/v1/audit/verify").then().body("intact", equalTo(true));

            // the application's role holds no UPDATE or DELETE privilege (README: how to set it up)
            st.execute("DROP ROLE IF EXISTS portal_app_probe");
            st.execute("CREATE ROLE portal_app_probe");
            st.execute("GRANT SELECT, INSERT ON audit_event TO portal_app_probe");
            st.execute("SET ROLE portal_app_probe");
            try {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_event SET summary = 'x' WHERE id = " + victim))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event WHERE id = " + victim))
                        .hasMessageContaining("permission denied");
            } finally {
                st.execute("RESET ROLE");
                st.execute("REVOKE ALL ON audit_event FROM portal_app_probe");
                st.execute("DROP ROLE portal_app_probe");
            }
        }
    }

    @Test
    void anAuditorSeesOnlyTheirPartnersHistory() {
        String globexName = "Globex secret " + UUID.randomUUID().toString().substring(0, 8);
        long globexCustomer = as("bob").contentType(ContentType.JSON).body(Map.of("name", globexName))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath bobs = as("bob").get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        long globexEvent = bobs.getLong("events[-1].id");

        as("carol").get("/api/v1/audit").then().statusCode(200).body("chain", equalTo("acme"))
                .body(not(containsString(globexName)));
        as("carol").get("/api/v1/audit?customerId=" + globexCustomer).then().statusCode(200)
                .body("events.size()", equalTo(0));
        as("carol").get("/audit").then().statusCode(200).body(not(containsString(globexName)));
        as("carol").get("/audit/" + globexEvent).then().statusCode(404);
        as("carol").get("/audit/export.csv").then().statusCode(200).body(not(containsString(globexName)))
                .body(containsString("# chain: partner acme"));
        as("carol").get("/customers/" + globexCustomer + "/history").then().statusCode(404);
        as("bob").get("/audit/" + globexEvent).then().statusCode(200).body(containsString(globexName));
        // only auditors and partner admins read the history; the platform admin reads the platform's
        as("victor").get("/api/v1/audit").then().statusCode(403);
        as("erin").get("/audit").then().statusCode(403);
        as("mallory").get("/audit").then().statusCode(403);
        as("paula").get("/api/v1/audit").then().statusCode(200).body("chain", equalTo("platform"))
                .body(not(containsString(globexName)));
    }

    @Test
    void historyPagesFilterPaginateAndExportWhatTheyCover() {
        String name = "History " + UUID.randomUUID().toString().substring(0, 8);
        long id = as("alice").contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/v1/customers")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 0; i < 3; i++) {
            as("alice").contentType(ContentType.JSON).body(Map.of("hosts", List.of("h" + i + ".sophos.com")))
                    .post("/api/v1/customers/" + id + "/mcs-hosts").then().statusCode(200);
        }
        as("carol").get("/customers/" + id + "/history").then().statusCode(200).body(containsString("Customer created: " + name))
                .body(containsString("MCS hosts added: h2.sophos.com"));
        as("carol").get("/audit?customerId=" + id + "&operation=CREATE&resourceType=customer").then().statusCode(200)
                .body(containsString("Customer created: " + name)).body(not(containsString("MCS hosts added")));
        as("carol").get("/audit?operation=BOGUS").then().statusCode(400);
        as("carol").get("/audit?from=yesterday").then().statusCode(400);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String csv = as("carol").get("/api/v1/audit?format=csv&customerId=" + id + "&from=" + today + "&to=" + today)
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("# from: " + today, "# to: " + today, "# customerId: " + id, "# retention:",
                "Customer created: " + name);
        assertThat(csv.lines().filter(l -> !l.startsWith("#")).count()).isEqualTo(1 + 4);
        assertThat(as("carol").get("/audit/verify").then().statusCode(200).extract().asString()).contains("Intact");

        // keyset pagination: 50 a page, then "older events" from where the page ended
        for (int i = 3; i < 52; i++) {
            as("alice").contentType(ContentType.JSON).body(Map.of("hosts", List.of("h" + i + ".sophos.com")))
                    .post("/api/v1/customers/" + id + "/mcs-hosts").then().statusCode(200);
        }
        String first = as("carol").get("/audit?customerId=" + id).then().statusCode(200).extract().asString();
        assertThat(first).contains("MCS hosts added: h51.sophos.com").doesNotContain("Customer created: " + name);
        Matcher older = Pattern.compile("href=\"(/audit\\?[^\"]*before=[0-9]+)\"").matcher(first);
        assertThat(older.find()).isTrue();
        as("carol").get(older.group(1).replace("&amp;", "&")).then().statusCode(200)
                .body(containsString("Customer created: " + name)).body(not(containsString("h51.sophos.com")));
    }
}
