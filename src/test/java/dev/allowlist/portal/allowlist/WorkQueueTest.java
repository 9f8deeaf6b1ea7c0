package dev.allowlist.portal.allowlist;

import static dev.allowlist.portal.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.customer.Customers;
import dev.allowlist.portal.customer.InstallerLogs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Where each customer's firewall stands: allowlist_state as the triggers keep it (V20), the chart's days
 * over a history written by hand, and the dashboard's sections for what they name.
 */
@QuarkusTest
class WorkQueueTest {

    /** A partner of this test's own, its customer and history written in SQL with chosen times. */
    @Test
    void theTriggersAndTheChartFollowVersionsAndAppliedMarks() throws SQLException {
        String partner = "queue-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO partner (id, display_name, created_at) VALUES ('" + partner + "', 'Queue test', now())");
            long customer;
            try (ResultSet rs = st.executeQuery("INSERT INTO customer (partner_id, name, regions, created_at, updated_at) "
                    + "VALUES ('" + partner + "', 'History', '{}', now(), now()) RETURNING id")) {
                rs.next();
                customer = rs.getLong(1);
            }
            version(c, partner, customer, 1, 10, "customer-created", "[]");
            assertThat(state(c, customer)).containsExactly(1, 0, 10, "customer-created", false);
            applied(c, partner, customer, 1, 8);
            assertThat(state(c, customer)).as("applied: nothing waits").containsExactly(1, 1, null, null, false);
            version(c, partner, customer, 2, 5, "catalog-published", "[{\"code\":\"NEEDS_WILDCARD\"}]");
            version(c, partner, customer, 3, 2, "hosts-observed", "[]");
            assertThat(state(c, customer)).as("waits since v2, the first after the applied one")
                    .containsExactly(3, 1, 5, "catalog-published", false);
            applied(c, partner, customer, 2, 1);
            assertThat(state(c, customer)).as("v2 applied: v3 waits").containsExactly(3, 2, 2, "hosts-observed", false);
            applied(c, partner, customer, 3, 0);
            assertThat(state(c, customer)).as("v3 applied: nothing waits").containsExactly(3, 3, null, null, false);
            // two versions in one statement, as a publication's batch stores them: the newest is the highest
            // (its cause, its warnings), and what waits starts at the lowest
            st.execute("INSERT INTO allowlist_version (partner_id, customer_id, number, content_hash, catalog_version, entries, "
                    + "warnings, cause, actor, created_at) VALUES "
                    + "('" + partner + "', " + customer + ", 4, md5('4'), 'c', '[]', '[]', 'profile-changed', 'test', now() - interval '1 day'), "
                    + "('" + partner + "', " + customer + ", 5, md5('5'), 'c', '[]', '[{\"code\":\"NEEDS_WILDCARD\"}]', "
                    + "'catalog-published', 'test', now())");
            assertThat(state(c, customer)).as("v4 and v5 in one statement").containsExactly(5, 3, 1, "profile-changed", true);
            assertThat(newestCause(c, customer)).isEqualTo("catalog-published");

            Map<LocalDate, Long> days = new LinkedHashMap<>();
            // the query as the dashboard sends it, with this partner and 30 days
            try (PreparedStatement p = c.prepareStatement(WorkQueueRepository.DAYS_SQL.replace("?1", "'" + partner + "'")
                    .replace("?2", "30")); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    days.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                }
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            assertThat(days).hasSize(30);
            // waiting at the end of days -10 and -9 (v1), not -8 (applied), not -6; again from -5 (v2, then v3)
            assertThat(days.get(today.minusDays(11))).isZero();
            assertThat(days.get(today.minusDays(10))).isEqualTo(1);
            assertThat(days.get(today.minusDays(9))).isEqualTo(1);
            assertThat(days.get(today.minusDays(8))).isZero();
            assertThat(days.get(today.minusDays(6))).isZero();
            assertThat(days.get(today.minusDays(5))).isEqualTo(1);
            assertThat(days.get(today.minusDays(1))).isEqualTo(1);
            assertThat(days.get(today)).isEqualTo(1);
            st.execute("DELETE FROM customer WHERE partner_id = '" + partner + "'");
        }
    }

    /** The dashboard names the customer whose feed went quiet, the upload, and the warnings. */
    @Test
    void theDashboardNamesQuietFeedsUploadsAndWarnings() throws Exception {
        TestPartners.ensureRegistered();
        String name = Customers.uniqueName("Quiet feed");
        long id = as("alice").contentType(ContentType.JSON).body(Map.of("name", name, "licenses", List.of("ENDPOINT")))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            // pulled every 40 minutes for ten pulls, the last three hours ago
            st.execute("INSERT INTO feed (partner_id, customer_id, format, token_hash, created_by, created_at, last_pulled_at, "
                    + "pull_count) VALUES ('acme', " + id + ", 'panos-url', md5('" + name + "') || md5('x'), 'test', "
                    + "now() - interval '9 hours 40 minutes', now() - interval '3 hours', 10)");
        }
        as("alice").contentType("multipart/form-data").multiPart("file", "SophosCloudInstaller.log",
                InstallerLogs.typical("\r\n").getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/v1/customers/" + id + "/installer-logs").then().statusCode(201);
        String page = as("alice").get("/").then().statusCode(200).extract().asString();
        String feeds = page.substring(page.indexOf("id=\"silent-feeds\""), page.indexOf("</section>", page.indexOf("id=\"silent-feeds\"")));
        assertThat(feeds).contains(name, "Palo Alto Networks PAN-OS, URL list", "usually every 40 min");
        String uploads = page.substring(page.indexOf("id=\"uploads\""), page.indexOf("</section>", page.indexOf("id=\"uploads\"")));
        assertThat(uploads).contains("SophosCloudInstaller.log", name);
        assertThat(page).contains("id=\"counts\"", "waiting to be applied", "with warnings");
    }

    private static void version(Connection c, String partner, long customer, int number, int daysAgo, String cause,
            String warnings) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO allowlist_version (partner_id, customer_id, number, "
                + "content_hash, catalog_version, entries, warnings, cause, actor, created_at) "
                + "VALUES (?, ?, ?, md5(random()::text), 'c', '[]', ?, ?, 'test', now() - make_interval(days => ?))")) {
            st.setString(1, partner);
            st.setLong(2, customer);
            st.setInt(3, number);
            st.setString(4, warnings);
            st.setString(5, cause);
            st.setInt(6, daysAgo);
            st.executeUpdate();
        }
    }

    private static void applied(Connection c, String partner, long customer, int number, int daysAgo) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO applied_version (partner_id, customer_id, number, applied_by, "
                + "applied_at) VALUES (?, ?, ?, 'test', now() - make_interval(days => ?))")) {
            st.setString(1, partner);
            st.setLong(2, customer);
            st.setInt(3, number);
            st.setInt(4, daysAgo);
            st.executeUpdate();
        }
    }

    private static String newestCause(Connection c, long customer) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT newest_cause FROM allowlist_state WHERE customer_id = ?")) {
            st.setLong(1, customer);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** newest, applied, days since pending_since (rounded), pending_cause, warnings. */
    private static List<Object> state(Connection c, long customer) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT newest, applied, "
                + "round(extract(epoch FROM now() - pending_since) / 86400)::int, pending_cause, warnings "
                + "FROM allowlist_state WHERE customer_id = " + customer)) {
            rs.next();
            return java.util.Arrays.asList(rs.getInt(1), rs.getInt(2), rs.getObject(3), rs.getString(4), rs.getBoolean(5));
        }
    }
}
