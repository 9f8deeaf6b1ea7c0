package dev.allowlist.portal.customer;

import static dev.allowlist.portal.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestPartners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error of the API, whoever raises it (Jackson, the router, the portal), has the portal's JSON shape (issue 13). */
@QuarkusTest
class ApiErrorShapeTest {

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    private static void assertShape(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("message")).isNotBlank().doesNotContain("com.fasterxml", "Exception",
                "at [Source");
    }

    @Test
    void malformedAndMistypedBodiesAnswerTheSameShape() {
        long id = Customers.create("alice", Customers.uniqueName("Shapes"), List.of("CENTRAL"));
        assertShape(as("alice").contentType("application/json").body("{not json").post("/api/v1/customers"), 400);
        assertShape(as("alice").contentType("application/json").body("{\"name\": {\"x\": 1}, \"licenses\": 5}")
                .post("/api/v1/customers"), 400);
        assertShape(as("alice").contentType("application/json").body("[]").post("/api/v1/customers"), 400);
        assertShape(as("alice").contentType("application/json").body("").post("/api/v1/customers"), 400);
        assertShape(as("alice").contentType("application/json").body("{\"hosts\": {\"a\": 1}}")
                .post("/api/v1/customers/" + id + "/mcs-hosts"), 400);
        assertShape(as("alice").contentType("application/json").body("{\"version\": \"seven\"}")
                .put("/api/v1/customers/" + id), 400);
        assertShape(as("alice").contentType("application/xml").body("<a/>").post("/api/v1/customers"), 415);
        assertShape(as("alice").contentType("application/json").body("{}").patch("/api/v1/customers"), 405);
        assertShape(as("alice").get("/api/v1/customers/not-a-number"), 404);
        assertShape(as("alice").get("/api/v1/no-such-route"), 404);
    }
}
