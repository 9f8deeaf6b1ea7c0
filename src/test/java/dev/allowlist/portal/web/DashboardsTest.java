package dev.allowlist.portal.web;

import static dev.allowlist.portal.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.customer.Customers;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's data is kept per partner for a few seconds (portal.dashboard.keep, 5 s), and a change
 * makes the next visit read afresh: one made here at once, one made elsewhere (another instance, an
 * operator's SQL) as soon as PostgreSQL announces it, well within the seconds it would otherwise be kept.
 */
@QuarkusTest
class DashboardsTest {

    private static final Pattern CUSTOMERS = Pattern.compile("<ul class=\"counts\" id=\"counts\">\\s*<li><a href=\"/customers\">([^<]*)</a>");
    private static final Pattern HITS = Pattern.compile(
            "cache_gets_total\\{[^}]*cache=\"portal_dashboards\"[^}]*result=\"hit\"[^}]*\\} ([0-9.E]+)");
    /** Far less than the 5 s a view is kept: only an announcement can make the dashboard change this soon. */
    private static final Duration ANNOUNCED_WITHIN = Duration.ofMillis(1500);

    @BeforeEach
    void registered() {
        TestPartners.ensureRegistered();
    }

    @Test
    void aSecondVisitIsAnsweredFromWhatWasKeptAndTheHitsAreAMetric() {
        customers("alice");
        double hits = hits();
        customers("alice");
        assertThat(hits()).isGreaterThan(hits);
    }

    @Test
    void aChangeMadeHereIsOnTheVeryNextVisit() {
        long before = customers("alice");
        customers("alice"); // kept now
        Customers.create("alice", Customers.uniqueName("Dashboard kept"), List.of("ENDPOINT"));
        assertThat(customers("alice")).isEqualTo(before + 1);
    }

    @Test
    void aChangeMadeElsewhereIsSeenOnceAnnounced() throws SQLException {
        long before = customers("victor");
        customers("victor");
        long id;
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("INSERT INTO customer (partner_id, name, regions, created_at, updated_at) "
                        + "VALUES ('acme', 'Added by SQL " + UUID.randomUUID() + "', '{}', now(), now()) RETURNING id")) {
            rs.next();
            id = rs.getLong(1);
        }
        try {
            Awaitility.await().atMost(ANNOUNCED_WITHIN).pollInterval(Duration.ofMillis(50))
                    .until(() -> customers("victor") == before + 1);
        } finally {
            sql("DELETE FROM customer WHERE id = " + id);
        }
    }

    @Test
    void anEndpointDisabledElsewhereIsOnTheAdminsBannerOnceAnnounced() throws SQLException {
        String reason = "dashboards-test-" + UUID.randomUUID();
        as("alice").get("/").then().statusCode(200);
        as("alice").get("/").then().statusCode(200);
        sql("INSERT INTO subscription (partner_id, kind, target, version_events, catalog_events, enabled, disabled_reason, "
                + "created_by, created_at) VALUES ('acme', 'webhook', 'https://hooks.example.test/dashboards', true, false, "
                + "false, '" + reason + "', 'test', now())");
        try {
            Awaitility.await().atMost(ANNOUNCED_WITHIN).pollInterval(Duration.ofMillis(50))
                    .until(() -> as("alice").get("/").then().statusCode(200).extract().asString().contains(reason));
            assertThat(as("victor").get("/").then().statusCode(200).extract().asString())
                    .as("the banner is the admins'").doesNotContain(reason);
        } finally {
            sql("DELETE FROM subscription WHERE disabled_reason = '" + reason + "'");
        }
    }

    private static long customers(String user) {
        String html = as(user).get("/").then().statusCode(200).extract().asString();
        Matcher m = CUSTOMERS.matcher(html);
        assertThat(m.find()).as("the dashboard's count of customers").isTrue();
        return Long.parseLong(m.group(1).replaceAll("[^0-9]", ""));
    }

    private static double hits() {
        Matcher m = HITS.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
