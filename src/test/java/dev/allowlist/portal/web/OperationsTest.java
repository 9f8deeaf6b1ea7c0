package dev.allowlist.portal.web;

import static dev.allowlist.portal.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestPartners;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators rely on: health with the database, Prometheus metrics with request timings, the API's OpenAPI. */
@QuarkusTest
class OperationsTest {

    @Test
    void healthIncludesTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsCarryRequestTimings() {
        TestPartners.ensureRegistered();
        as("alice").get("/api/v1/customers").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/customers\""));
    }

    @Test
    void theOpenApiDocumentDescribesTheJsonApiOnly() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/customers/{id}/allowlist"))
                .body(containsString("/api/v1/audit"))
                // one from each feature's api package (mp.openapi.scan.packages)
                .body(containsString("/api/v1/changes"))
                .body(containsString("/api/v1/customers/import"))
                .body(containsString("/api/v1/customers/{id}/checks"))
                .body(not(containsString("/customers/{id}/checks/tokens")))
                .body(not(containsString("/changes/")))
                // the models the API returns are described wherever they live, not only in the api packages
                .body(containsString("\"HostAddition\""))
                .body(containsString("\"ChangeReport\""))
                .body(not(containsString("/customers/{id}/edit")))
                .body(not(containsString("/platform/partners")));
    }
}
