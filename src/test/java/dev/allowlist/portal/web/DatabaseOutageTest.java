package dev.allowlist.portal.web;

import static dev.allowlist.portal.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.SystemTools;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.ThrowawayPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under the running portal and comes back (issue 13, F3): while it is away,
 * pages and the API answer 503 with Retry-After and say that nothing was saved; once it is back, the
 * portal serves again without a restart, and nothing of the refused requests was saved.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ThrowawayPostgres.class));
        }
    }

    @BeforeAll
    static void partners() {
        // Debian's pg_createcluster, run as root
        SystemTools.require(ThrowawayPostgres.available(), "pg_createcluster", "postgresql");
        TestUsers.forget();
        TestPartners.ensureRegistered();
    }

    @Test
    void anOutageAnswers503AndTheRecoveryNeedsNoRestart() {
        Number kept = as("alice").contentType(ContentType.JSON).body(Map.of("name", "Before the outage", "licenses", List.of()))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        String token = TestUsers.token("alice");
        // its allowlist held in memory: an export needs the database only for its audit event
        as("alice").get("/api/v1/customers/" + kept + "/allowlist").then().statusCode(200);
        ThrowawayPostgres.stopDatabase();
        try {
            // the download waits for its event without holding a thread, and is refused when it cannot be stored
            as("alice").get("/api/v1/customers/" + kept + "/allowlist?format=squid").then().statusCode(503)
                    .body("status", equalTo(503)).body("message", Matchers.anyOf(
                            containsString("cannot be recorded in the audit history"), containsString("cannot reach its database")))
                    .body(not(containsString("Exception")));
            as("alice").get("/api/v1/customers").then().statusCode(503).header("Retry-After", "5")
                    .body("status", equalTo(503)).body("message", containsString("nothing was saved"));
            as("alice").contentType(ContentType.JSON).body(Map.of("name", "During the outage", "licenses", List.of()))
                    .post("/api/v1/customers").then().statusCode(503).header("Retry-After", "5");
            as("alice").get("/customers").then().statusCode(503).header("Retry-After", "5")
                    .body(containsString("cannot reach its database")).body(not(containsString("Exception")));
        } finally {
            ThrowawayPostgres.startDatabase();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                RestAssured.given().auth().oauth2(token).get("/api/v1/customers").then().statusCode(200));
        as("alice").get("/api/v1/customers").then().body("id", hasItem(kept.intValue()))
                .body("name", not(hasItem("During the outage")));
    }
}
