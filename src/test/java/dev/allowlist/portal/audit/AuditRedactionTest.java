package dev.allowlist.portal.audit;

import static dev.allowlist.portal.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.customer.Customers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A feed's token is its secret: the audit history never keeps it (issue 13, F2), and the events stored
 * before this fix are rewritten by migration V11 with their chains re-hashed and still verifiable.
 */
@QuarkusTest
class AuditRedactionTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    private static String createFeed(long customerId) {
        String page = TestUsers.formAs("alice", TestUsers.csrf("alice", "/customers/" + customerId))
                .formParam("format", "txt").post("/exports/customers/" + customerId + "/feeds").then().statusCode(200)
                .extract().asString();
        Matcher m = Pattern.compile("/feeds/([A-Za-z0-9_-]{40,})").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private long countContaining(String text) throws Exception {
        try (Connection c = TestDatabase.owner(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM audit_event e WHERE strpos(e::text, ?) > 0")) {
            st.setString(1, text);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aPullIsRecordedByFeedIdAndTheTokenIsStoredNowhere() throws Exception {
        long customerId = Customers.create("alice", Customers.uniqueName("Feed secret"), List.of("CENTRAL"));
        String token = createFeed(customerId);
        given().get("/feeds/" + token).then().statusCode(200);
        given().header("Referer", "https://portal.example/feeds/" + token).get("/feeds/" + token + "x").then().statusCode(404);

        assertThat(countContaining(token)).isZero();
        String path = as("carol").get("/api/v1/audit?resourceType=feed&customerId=" + customerId).then().statusCode(200)
                .extract().path("events.find { it.summary.startsWith('Feed version') }.resourcePath");
        assertThat(path).matches("/feeds/[0-9]+");
    }

    @Test
    void theMigrationRewritesStoredTokensAndReChainsSoTheHistoryStillVerifies() throws Exception {
        long customerId = Customers.create("alice", Customers.uniqueName("Old feed event"), List.of("CENTRAL"));
        String token = createFeed(customerId);
        String feedId = as("carol").get("/api/v1/audit?resourceType=feed&customerId=" + customerId).then()
                .extract().path("events[0].resourceId");
        // an event as the portal wrote them before the fix: the pull's path with its token
        AuditService.Draft old = new AuditService.Draft("acme", Instant.now().truncatedTo(ChronoUnit.MICROS), "feed:" + feedId,
                "Feed " + feedId, "web", "127.0.0.1", "ACTION", "feed", feedId, "/feeds/" + token, customerId,
                "Feed pulled (txt)", "{\"format\":\"txt\"}");
        try (Connection c = TestDatabase.owner()) {
            c.setAutoCommit(false);
            AuditService.append(c, "acme", List.of(old));
            c.commit();
        }
        // later events follow it in the chain
        Customers.addHost("alice", customerId, "mcs.prod.hydra.sophos.com");
        assertThat(countContaining(token)).isEqualTo(1);
        as("carol").get("/api/v1/audit/verify").then().body("intact", equalTo(true));

        try (Connection c = TestDatabase.owner(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT audit_redact_feed_paths()")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }

        assertThat(countContaining(token)).isZero();
        as("carol").get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        as("paula").get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        as("paula").get("/api/v1/audit?resourceType=audit").then().statusCode(200)
                .body("events.last().summary", equalTo("Audit history re-chained: feed secrets removed from 1 feed events"));
    }
}
