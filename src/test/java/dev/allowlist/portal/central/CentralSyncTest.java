package dev.allowlist.portal.central;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.TestUsers.formAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.central.FakeSophosCentral.Product;
import dev.allowlist.portal.central.FakeSophosCentral.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Sophos Central sync over real HTTP against the fake Sophos Central (its own port, the documented
 * shapes) and PostgreSQL: connect, a first preview of 250 tenants over 3 pages, apply, a license change
 * that becomes a version with its cause, the faults (429, a revoked secret, an unreachable tenant host, an
 * interrupted page that resumes), and the wall between partners. The secret is looked for everywhere it
 * must not be.
 */
@QuarkusTest
class CentralSyncTest {

    static final Product INTERCEPT = new Product("CIXA", "Central Intercept X Advanced", null);
    static final Product XDR = new Product("CIXAXDR", "Central Intercept X Advanced with XDR", null);
    static final Product MDR = new Product("MDRC", "Sophos MDR Complete", null);
    static final Product EMAIL = new Product("CEMAIL", "Central Email Advanced", null);
    static final String[][] GEOGRAPHIES = { { "US", "us03" }, { "IE", "eu01" }, { "DE", "eu02" }, { "JP", "jp01" }, { "AU", "au01" } };

    @Inject
    FakeSophosCentral fake;

    final List<String> logs = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (logs) {
                logs.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void partners() throws SQLException {
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO partner (id, display_name, created_at) VALUES ('umbrella', 'Umbrella IT', now()), "
                    + "('hooli', 'Hooli Networks', now()) ON CONFLICT (id) DO NOTHING");
            st.execute("DELETE FROM central_tenant WHERE partner_id IN ('umbrella', 'hooli')");
            st.execute("DELETE FROM central_connection WHERE partner_id IN ('umbrella', 'hooli')");
        }
        fake.reset();
        java.util.logging.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        java.util.logging.Logger.getLogger("").removeHandler(capture);
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static List<Tenant> tenants(String prefix, int count) {
        List<Tenant> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] g = GEOGRAPHIES[i % GEOGRAPHIES.length];
            List<Product> products = switch (i % 3) {
                case 0 -> List.of(INTERCEPT);
                case 1 -> List.of(INTERCEPT, XDR);
                default -> List.of(MDR, EMAIL);
            };
            list.add(new Tenant(UUID.randomUUID().toString(), prefix + " " + String.format("%03d", i), g[0], g[1], products));
        }
        return list;
    }

    record Account(String clientId, String secret) {
    }

    /** A Sophos Central account for the partner in the fake, connected through the form. */
    Account connect(String user, String centralPartner, List<Tenant> tenants) {
        String clientId = "client-" + tag();
        String secret = "Sec-" + UUID.randomUUID();
        fake.client(clientId, secret, centralPartner);
        fake.tenants(centralPartner, tenants);
        TestUsers.Csrf csrf = csrf(user, "/integrations/central");
        formAs(user, csrf).formParam("clientId", clientId).formParam("clientSecret", secret)
                .post("/integrations/central/connect").then().statusCode(303);
        return new Account(clientId, secret);
    }

    /** Starts a sync from the page and waits until its run has ended (read, and applied when automatic). */
    void sync(String user, String partner) throws Exception {
        TestUsers.Csrf csrf = csrf(user, "/integrations/central");
        formAs(user, csrf).post("/integrations/central/sync").then().statusCode(303);
        waitForRun(partner);
    }

    static void waitForRun(String partner) {
        Awaitility.await("the sync of " + partner).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> connection(partner), c -> c.get("lease_until") == null && !"running".equals(c.get("status")));
    }

    static Map<String, Object> connection(String partner) throws SQLException {
        try (Connection c = TestDatabase.owner();
                PreparedStatement st = c.prepareStatement("SELECT status, status_count, resume_page, retry_after, lease_until, "
                        + "secret_sealed, first_applied_at FROM central_connection WHERE partner_id = ?")) {
            st.setString(1, partner);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Map.of();
                }
                Map<String, Object> m = new java.util.HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    m.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return m;
            }
        }
    }

    static List<String> column(String sql, Object... args) throws SQLException {
        try (Connection c = TestDatabase.owner(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    static long customerOf(String partner, String tenantId) throws SQLException {
        return Long.parseLong(column("SELECT id FROM customer WHERE partner_id = ? AND central_tenant_id = ?", partner, tenantId).get(0));
    }

    /** The preview page's fingerprint and a CSRF token, then the apply; the response. */
    Response apply(String user) {
        TestUsers.Csrf csrf = csrf(user, "/integrations/central/preview");
        String fingerprint = as(user).get("/integrations/central/preview").htmlPath()
                .getString("**.find { it.@name == 'fingerprint' }.@value");
        return formAs(user, csrf).formParam("fingerprint", fingerprint).post("/integrations/central/apply");
    }

    @Test
    void aFirstSyncPreviewsThenAppliesThenFollowsALicenseChange() throws Exception {
        String t = tag();
        String centralPartner = UUID.randomUUID().toString();
        List<Tenant> tenants = tenants("Umbrella " + t, 250);
        // the partner already has one of them, typed by hand: the sync links it by its exact name
        Tenant known = tenants.get(5); // US, MDR and Email
        long knownId = as("sam").contentType(ContentType.JSON).body(Map.of("name", known.name(), "externalReference", "OWN-" + t,
                "licenses", List.of("ENDPOINT", "AD_SYNC"), "regions", List.of("eu-west-1"), "firewallProduct", "squid"))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        // its endpoints talk to a US West host: that narrows the United States to the one region
        as("sam").contentType(ContentType.JSON).body(Map.of("hosts", List.of("mcs2-cloudstation-us-west-2.prod.hydra.sophos.com")))
                .post("/api/v1/customers/" + knownId + "/mcs-hosts").then().statusCode(200);
        long customersBefore = Long.parseLong(column("SELECT count(*) FROM customer WHERE partner_id = 'umbrella'").get(0));

        String secret = connect("sam", centralPartner, tenants).secret();
        assertThat(as("sam").get("/integrations/central").then().statusCode(200).extract().asString())
                .contains("Connected. No sync has run yet", centralPartner).doesNotContain(secret);
        sync("sam", "umbrella");

        List<String> requests = fake.requests();
        assertThat(requests.stream().filter(r -> r.startsWith("GET /partner/v1/tenants")).toList())
                .containsExactly("GET /partner/v1/tenants?pageTotal=true&page=1", "GET /partner/v1/tenants?pageTotal=true&page=2",
                        "GET /partner/v1/tenants?pageTotal=true&page=3");
        assertThat(requests.stream().filter(r -> r.contains("/licenses/v1/licenses")).count()).isEqualTo(250);
        assertThat(connection("umbrella")).containsEntry("status", "ok").containsEntry("status_count", 250);
        assertThat(Long.parseLong(column("SELECT count(*) FROM customer WHERE partner_id = 'umbrella'").get(0)))
                .as("a sync reads; only an apply changes customers").isEqualTo(customersBefore);

        String preview = as("sam").get("/integrations/central/preview").then().statusCode(200).extract().asString();
        assertThat(preview).contains("249 to create, 1 to update, 0 unchanged, 0 skipped, 0 no longer in Sophos Central.",
                "This is the first sync", "Apply 250 changes", "links the customer", "Central Email Advanced");
        assertThat(as("sam").get("/integrations/central/preview").htmlPath().getList("**.findAll { it.name() == 'tr' && it.@class == 'central-CREATE' }"))
                .hasSize(249);

        Response applied = apply("sam");
        assertThat(applied.statusCode()).isEqualTo(303);
        assertThat(applied.header("Location")).endsWith("/customers");
        assertThat(Long.parseLong(column("SELECT count(*) FROM customer WHERE partner_id = 'umbrella'").get(0)))
                .isEqualTo(customersBefore + 249);
        // the known customer: linked, its own settings kept, Sophos Central's licenses and regions taken
        as("sam").get("/api/v1/customers/" + knownId).then().statusCode(200)
                .body("externalReference", org.hamcrest.Matchers.equalTo("OWN-" + t))
                .body("firewallProduct", org.hamcrest.Matchers.equalTo("squid"))
                .body("licenses", org.hamcrest.Matchers.containsInAnyOrder("CENTRAL", "AD_SYNC", "MTR"))
                .body("regions", org.hamcrest.Matchers.contains("us-west-2"));
        // a US tenant without such a host gets both of the United States' regions
        as("sam").get("/api/v1/customers/" + customerOf("umbrella", tenants.get(0).id())).then()
                .body("regions", org.hamcrest.Matchers.contains("us-east-2", "us-west-2"));
        assertThat(customerOf("umbrella", known.id())).isEqualTo(knownId);
        assertThat(as("sam").get("/customers/" + knownId).then().statusCode(200).extract().asString())
                .contains("Sophos Central tenant", known.id());
        long ireland = customerOf("umbrella", tenants.get(1).id());
        as("sam").get("/api/v1/customers/" + ireland).then()
                .body("name", org.hamcrest.Matchers.equalTo(tenants.get(1).name()))
                .body("licenses", org.hamcrest.Matchers.containsInAnyOrder("CENTRAL", "ENDPOINT", "EDR"))
                .body("regions", org.hamcrest.Matchers.contains("eu-west-1"));
        assertThat(column("SELECT summary FROM audit_event WHERE partner_id = 'umbrella' AND customer_id = ? ORDER BY id", knownId))
                .last().asString().startsWith("Customer synced from Sophos Central: regions, licenses");

        // later syncs apply themselves; a license bought in Sophos Central is a new version with its cause
        TestUsers.Csrf csrf = csrf("sam", "/integrations/central");
        formAs("sam", csrf).formParam("autoApply", "true").post("/integrations/central/auto-apply").then().statusCode(303);
        Tenant first = tenants.get(0); // US, Intercept X only
        fake.replace(centralPartner, new Tenant(first.id(), first.name(), first.dataGeography(), first.dataRegion(),
                List.of(INTERCEPT, XDR)));
        Tenant gone = tenants.get(2);
        fake.remove(centralPartner, gone.id());
        sync("sam", "umbrella");
        long firstId = customerOf("umbrella", first.id());
        assertThat(column("SELECT cause || ' ' || coalesce(cause_detail, '') FROM allowlist_version WHERE partner_id = 'umbrella' "
                + "AND customer_id = ? ORDER BY number DESC LIMIT 1", firstId)).containsExactly("central-synced +EDR");
        assertThat(as("sam").get("/customers/" + firstId + "/changes").then().statusCode(200).extract().asString())
                .contains("v2: License EDR added in Sophos Central.");
        assertThat(as("sam").cookie("lang", "ja").get("/customers/" + firstId + "/changes").then().extract().asString())
                .contains("Sophos Central でライセンス EDR が追加されました");
        assertThat(column("SELECT actor_subject || ': ' || summary FROM audit_event WHERE partner_id = 'umbrella' AND customer_id = ? "
                + "ORDER BY id DESC LIMIT 1", firstId)).containsExactly("sam: Customer synced from Sophos Central: licenses");
        // a tenant gone from Sophos Central is flagged, its customer kept
        String after = as("sam").get("/integrations/central/preview").then().extract().asString();
        assertThat(after).contains("0 to create, 0 to update, 249 unchanged, 0 skipped, 1 no longer in Sophos Central.");
        assertThat(column("SELECT count(*) FROM customer WHERE partner_id = 'umbrella' AND central_tenant_id = ?", gone.id()))
                .containsExactly("1");
        assertThat(as("sam").get("/integrations/central").then().extract().asString()).contains("249 tenants, 1 no longer in Sophos Central");
        assertThat(as("sam").get("/customers/" + customerOf("umbrella", gone.id())).then().statusCode(200).extract().asString())
                .contains("No longer in Sophos Central since");
        assertThat(as("sam").get("/customers/" + firstId).then().extract().asString()).doesNotContain("No longer in Sophos Central");

        // the secret: sealed in the database, and nowhere else
        assertThat((String) connection("umbrella").get("secret_sealed")).doesNotContain(secret);
        assertThat(column("SELECT count(*) FROM audit_event WHERE details LIKE ? OR summary LIKE ?", "%" + secret + "%",
                "%" + secret + "%")).containsExactly("0");
        assertThat(column("SELECT count(*) FROM audit_event WHERE details LIKE ?", "%" + connection("umbrella").get("secret_sealed") + "%"))
                .containsExactly("0");
        synchronized (logs) {
            assertThat(logs).isNotEmpty().noneMatch(l -> l.contains(secret));
        }
        for (String path : List.of("/integrations/central", "/integrations/central/preview", "/api/v1/customers/" + firstId,
                "/audit", "/api/v1/audit")) {
            assertThat(as("sam").get(path).then().extract().asString()).as(path).doesNotContain(secret);
        }
    }

    @Test
    void aWrongSecretIsAFieldErrorAndNothingIsSaved() throws SQLException {
        fake.client("right-client", "right-secret", UUID.randomUUID().toString());
        TestUsers.Csrf csrf = csrf("sam", "/integrations/central");
        String page = formAs("sam", csrf).formParam("clientId", "right-client").formParam("clientSecret", "Wrong-Secret-42")
                .post("/integrations/central/connect").then().statusCode(400).extract().asString();
        assertThat(page).contains("Sophos Central refused this client ID and secret", "value=\"right-client\"")
                .doesNotContain("Wrong-Secret-42");
        assertThat(connection("umbrella")).isEmpty();
        // a viewer sees the state, never the form, and cannot post it
        assertThat(as("vic").get("/integrations/central").then().statusCode(200).extract().asString())
                .contains("Sophos Central is not connected").doesNotContain("clientSecret");
        formAs("vic", csrf("vic", "/customers")).formParam("clientId", "x").formParam("clientSecret", "y")
                .post("/integrations/central/connect").then().statusCode(403);
        // without a connection of its own, a partner has nothing to preview, apply, sync or disconnect
        as("sam").get("/integrations/central/preview").then().statusCode(404);
        TestUsers.Csrf own = csrf("sam", "/integrations/central");
        formAs("sam", own).formParam("fingerprint", "x").post("/integrations/central/apply").then().statusCode(404);
        formAs("sam", own).post("/integrations/central/sync").then().statusCode(404);
        formAs("sam", own).post("/integrations/central/disconnect").then().statusCode(404);
        formAs("sam", own).formParam("autoApply", "true").post("/integrations/central/auto-apply").then().statusCode(404);
    }

    static Map<String, Object> connectionOrFail(String partner) throws SQLException {
        Map<String, Object> c = connection(partner);
        assertThat(c).isNotEmpty();
        return c;
    }

    @Test
    void rateLimitsAreHonouredAnInterruptedRunResumesAndARevokedSecretIsReported() throws Exception {
        String centralPartner = UUID.randomUUID().toString();
        List<Tenant> tenants = tenants("Umbrella faults " + tag(), 12);
        fake.pageSize(5);
        connect("sam", centralPartner, tenants);

        // a short Retry-After is waited out within the run
        fake.rateLimit(1, 1);
        sync("sam", "umbrella");
        assertThat(connectionOrFail("umbrella")).containsEntry("status", "ok").containsEntry("status_count", 12);
        assertThat(fake.requests().stream().filter(r -> r.equals("GET /partner/v1/tenants?pageTotal=true&page=1")).count())
                .isEqualTo(2);

        // a long one ends the run until then, and says so
        fake.rateLimit(1, 120);
        sync("sam", "umbrella");
        assertThat(connectionOrFail("umbrella")).containsEntry("status", "rate-limited").containsEntry("resume_page", 1);
        assertThat(connection("umbrella").get("retry_after")).isNotNull();
        assertThat(as("sam").get("/integrations/central").then().extract().asString())
                .contains("Sophos Central asked the portal to slow down (HTTP 429, rate limit) at page 1");
        TestUsers.Csrf csrf = csrf("sam", "/integrations/central");
        formAs("sam", csrf).post("/integrations/central/sync").then().statusCode(303);
        assertThat(connection("umbrella")).containsEntry("status", "rate-limited");
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute("UPDATE central_connection SET retry_after = now() - interval '1 second' WHERE partner_id = 'umbrella'");
        }

        // page 2 fails: the run stops there, nothing applied; the next one starts at page 2
        fake.failPage(2, 5);
        sync("sam", "umbrella");
        assertThat(connection("umbrella")).containsEntry("status", "interrupted").containsEntry("resume_page", 2);
        assertThat(as("sam").get("/integrations/central").then().extract().asString())
                .contains("The sync was interrupted at page 2 of the tenants", "Resume the sync");
        fake.failPage(2, 0);
        fake.clearRequests();
        sync("sam", "umbrella");
        assertThat(connection("umbrella")).containsEntry("status", "ok").containsEntry("status_count", 12)
                .containsEntry("resume_page", null);
        assertThat(fake.requests().stream().filter(r -> r.startsWith("GET /partner/v1/tenants")).toList())
                .as("the run resumed at page 2").containsExactly("GET /partner/v1/tenants?pageTotal=true&page=2",
                        "GET /partner/v1/tenants?pageTotal=true&page=3");
        assertThat(as("sam").get("/integrations/central/preview").then().extract().asString()).contains("12 to create");
    }

    @Test
    void aRevokedSecretAndAnUnreachableTenantHostAreReported() throws Exception {
        String centralPartner = UUID.randomUUID().toString();
        List<Tenant> tenants = new ArrayList<>(tenants("Umbrella hosts " + tag(), 6));
        // a name the portal refuses skips its tenant, not the whole apply
        tenants.add(new Tenant(UUID.randomUUID().toString(), "Umbrella \u0007 bell " + tag(), "DE", "eu02", List.of(INTERCEPT)));
        Account account = connect("sam", centralPartner, tenants);
        fake.unreachable(tenants.get(3).id(), true);
        sync("sam", "umbrella");
        assertThat(connection("umbrella")).containsEntry("status", "partial").containsEntry("status_count", 1);
        String preview = as("sam").get("/integrations/central/preview").then().extract().asString();
        assertThat(preview).contains("5 to create, 0 to update, 0 unchanged, 2 skipped", "Its licenses could not be read.",
                "Its name is not accepted as a customer&#39;s name");
        long before = Long.parseLong(column("SELECT count(*) FROM customer WHERE partner_id = 'umbrella'").get(0));
        assertThat(apply("sam").statusCode()).isEqualTo(303);
        assertThat(Long.parseLong(column("SELECT count(*) FROM customer WHERE partner_id = 'umbrella'").get(0))).isEqualTo(before + 5);
        assertThat(as("sam").get("/integrations/central").then().extract().asString())
                .contains("the licenses of 1 tenant could not be read");

        fake.revoke(account.clientId());
        sync("sam", "umbrella");
        assertThat(connection("umbrella")).containsEntry("status", "refused");
        assertThat(as("sam").get("/integrations/central").then().extract().asString())
                .contains("Sophos Central refused the credential");
        TestUsers.Csrf csrf = csrf("sam", "/integrations/central");
        String location = formAs("sam", csrf).post("/integrations/central/sync").then().statusCode(303).extract().header("Location");
        assertThat(location).endsWith("/integrations/central");
        assertThat(connection("umbrella")).containsEntry("status", "refused");
    }

    @Inject
    CentralSync runs;

    @Test
    void aSecretSealedUnderARotatedKeyIsSealedAgainAndOneRunAtATimeAndTheScheduleSyncs() throws Exception {
        String centralPartner = UUID.randomUUID().toString();
        Account account = connect("sam", centralPartner, tenants("Umbrella keys " + tag(), 3));
        // the secret as an earlier key sealed it (PORTAL_CENTRAL_PREVIOUS_KEYS holds that key now)
        dev.allowlist.portal.central.core.SealedSecrets previous = new dev.allowlist.portal.central.core.SealedSecrets(
                "dGVzdC1vbmx5LXByZXZpb3VzLWNlbnRyYWwta2V5LTI=", List.of());
        String old = previous.seal(account.secret());
        try (Connection c = TestDatabase.owner();
                PreparedStatement st = c.prepareStatement("UPDATE central_connection SET secret_sealed = ? WHERE partner_id = 'umbrella'")) {
            st.setString(1, old);
            st.executeUpdate();
        }
        // another instance holds the partner's run: a click starts nothing
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute("UPDATE central_connection SET lease_owner = 'another-instance', lease_until = now() + interval '1 minute' "
                    + "WHERE partner_id = 'umbrella'");
        }
        TestUsers.Csrf csrf = csrf("sam", "/integrations/central");
        // the start is decided in the request: refused there, no run is ever submitted
        String flash = formAs("sam", csrf).post("/integrations/central/sync").then().statusCode(303).extract().cookie("portal-flash");
        assertThat(as("sam").cookie("portal-flash", flash).get("/integrations/central").then().extract().asString())
                .contains("A sync is already running.");
        assertThat(fake.requests()).noneMatch(r -> r.startsWith("GET /partner/v1/tenants"));
        assertThat(connection("umbrella")).containsEntry("status", "connected");
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute("UPDATE central_connection SET lease_owner = NULL, lease_until = NULL WHERE partner_id = 'umbrella'");
        }

        // the schedule finds the connection due (never synced) and runs it as the system
        runs.scheduled();
        Awaitility.await("the scheduled run").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> connection("umbrella").get("status"), "ok"::equals);
        waitForRun("umbrella");
        assertThat(connection("umbrella")).containsEntry("status", "ok").containsEntry("status_count", 3);
        String resealed = (String) connection("umbrella").get("secret_sealed");
        assertThat(resealed).as("sealed again under the current key").isNotEqualTo(old)
                .doesNotStartWith(old.substring(0, old.indexOf(':') + 1)).doesNotContain(account.secret());
    }

    @Test
    void anotherPartnersTenantsAreNeverVisible() throws Exception {
        String umbrellaCentral = UUID.randomUUID().toString();
        List<Tenant> umbrella = tenants("Umbrella only " + tag(), 4);
        connect("sam", umbrellaCentral, umbrella);
        sync("sam", "umbrella");
        String hooliCentral = UUID.randomUUID().toString();
        List<Tenant> hooli = tenants("Hooli only " + tag(), 3);
        connect("uma", hooliCentral, hooli);
        sync("uma", "hooli");

        String hooliPreview = as("uma").get("/integrations/central/preview").then().statusCode(200).extract().asString();
        assertThat(hooliPreview).contains("3 to create");
        for (Tenant t : umbrella) {
            assertThat(hooliPreview).doesNotContain(t.id(), t.name());
        }
        assertThat(as("uma").get("/integrations/central").then().extract().asString()).doesNotContain(umbrellaCentral);
        // what the sync stored for hooli is hooli's tenants, all of them and nothing else
        assertThat(column("SELECT tenant_id FROM central_tenant WHERE partner_id = 'hooli'"))
                .containsExactlyInAnyOrderElementsOf(hooli.stream().map(Tenant::id).toList());
        // row-level security: the application's role, acting for hooli, sees none of umbrella's tenants
        try (Connection c = TestDatabase.app(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SELECT set_config('portal.partner_id', 'hooli', true)");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM central_tenant WHERE partner_id = 'umbrella'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM central_connection")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            c.rollback();
        }
    }
}
