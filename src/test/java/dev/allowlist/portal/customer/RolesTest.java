package dev.allowlist.portal.customer;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.formAs;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Viewers and auditors read; only admins and editors change; platform admins and strangers see no customer data. */
@QuarkusTest
class RolesTest {

    static long id;
    static long hostId;
    static String name;

    // @BeforeEach, not @BeforeAll: RestAssured points at the test instance only once a test runs
    @BeforeEach
    void customer() {
        if (id != 0) {
            return;
        }
        TestPartners.ensureRegistered();
        name = Customers.uniqueName("Roles");
        id = Customers.create("alice", name, List.of("ENDPOINT"));
        hostId = Customers.addHost("alice", id, "mcs.sophos.com");
    }

    @Test
    void viewersAndAuditorsReadButCannotChangeAnything() {
        TestUsers.Csrf csrf = TestUsers.csrf("alice", "/customers/new");
        for (String user : List.of("victor", "carol")) {
            as(user).get("/api/v1/customers/" + id).then().statusCode(200);
            as(user).get("/customers/" + id).then().statusCode(200).body(containsString(name))
                    .body(not(containsString("/customers/" + id + "/edit")));
            Map<String, Object> body = new HashMap<>(as(user).get("/api/v1/customers/" + id).then().extract().jsonPath().getMap(""));
            body.put("name", "changed by " + user);
            as(user).contentType(ContentType.JSON).body(body).put("/api/v1/customers/" + id).then().statusCode(403);
            as(user).contentType(ContentType.JSON).body(Map.of("name", "new by " + user)).post("/api/v1/customers").then().statusCode(403);
            as(user).delete("/api/v1/customers/" + id).then().statusCode(403);
            as(user).contentType(ContentType.JSON).body(Map.of("hosts", List.of("x.sophos.com")))
                    .post("/api/v1/customers/" + id + "/mcs-hosts").then().statusCode(403);
            as(user).delete("/api/v1/customers/" + id + "/mcs-hosts/" + hostId).then().statusCode(403);
            as(user).get("/customers/new").then().statusCode(403);
            as(user).get("/customers/" + id + "/edit").then().statusCode(403);
            as(user).get("/customers/" + id + "/delete").then().statusCode(403);
            // the CSRF cookie is per browser, not per user: alice's page token serves the forged posts
            formAs(user, csrf).formParam("name", "x").post("/customers").then().statusCode(403);
            formAs(user, csrf).formParam("name", "x").formParam("version", "0").post("/customers/" + id).then().statusCode(403);
            formAs(user, csrf).formParam("version", "0").post("/customers/" + id + "/delete").then().statusCode(403);
            formAs(user, csrf).formParam("hosts", "x.sophos.com").post("/customers/" + id + "/hosts").then().statusCode(403);
            formAs(user, csrf).post("/customers/" + id + "/hosts/" + hostId + "/delete").then().statusCode(403);
        }
        as("alice").get("/api/v1/customers/" + id).then().statusCode(200)
                .body("name", Matchers.equalTo(name)).body("version", Matchers.equalTo(0))
                .body("mcsHosts.value", Matchers.contains("mcs.sophos.com"));
    }

    @Test
    void platformAdminSeesNoCustomerData() {
        as("paula").get("/api/v1/customers").then().statusCode(403);
        as("paula").get("/api/v1/customers/" + id).then().statusCode(403);
        as("paula").get("/customers").then().statusCode(403);
        as("paula").get("/customers/" + id).then().statusCode(403).body(not(containsString(name)));
        as("paula").get("/").then().statusCode(200).body(containsString("/platform/partners")).body(not(containsString(name)));
        as("paula").get("/platform/partners").then().statusCode(200).body(containsString("acme"));
        as("alice").get("/platform/partners").then().statusCode(403);
    }

    @Test
    void aLoginOfAnUnregisteredPartnerSeesOnlyTheNotRegisteredPage() {
        as("mallory").get("/").then().statusCode(403).body(containsString("Not registered"))
                .body(containsString("unknown-msp"));
        as("mallory").get("/customers").then().statusCode(403).body(containsString("Not registered"));
        as("mallory").get("/customers/" + id).then().statusCode(403).body(not(containsString(name)));
        as("mallory").get("/platform/partners").then().statusCode(403);
        as("mallory").get("/api/v1/customers").then().statusCode(403);
        as("mallory").contentType(ContentType.JSON).body(Map.of("name", "mallory's")).post("/api/v1/customers")
                .then().statusCode(403);
    }

    @Test
    void pagesRedirectToTheLoginWithoutASession() {
        given().redirects().follow(false).get("/customers").then().statusCode(302)
                .header("Location", containsString(TestUsers.authServerUrl()));
    }
}
