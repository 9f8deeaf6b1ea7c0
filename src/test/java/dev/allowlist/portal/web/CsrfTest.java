package dev.allowlist.portal.web;

import static dev.allowlist.portal.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestSessions;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.customer.Customers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing request that rides on the session cookie must present the CSRF token, whatever
 * its media type (issue 13, F1): a same-site page can send text/plain, JSON or no body at all. Only
 * bearer-authenticated /api requests are exempt.
 */
@QuarkusTest
class CsrfTest {

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    /** What a browser sends for a logged-in member: the session cookies and the CSRF cookie, no token. */
    private static RequestSpecification browserOf(Map<String, String> session) {
        String csrfCookie = given().cookies(session).redirects().follow(false).get("/customers/new").getCookie("csrf-token");
        return given().cookies(session).cookie("csrf-token", csrfCookie).redirects().follow(false);
    }

    @Test
    void pageRequestsWithoutATokenChangeNothingWhateverTheirMediaType() {
        long id = Customers.create("alice", Customers.uniqueName("CSRF victim"), List.of("CENTRAL"));
        long hostId = Customers.addHost("alice", id, "mcs2-cloudstation-eu-central-1.prod.hydra.sophos.com");
        String page = TestUsers.formAs("alice", TestUsers.csrf("alice", "/customers/" + id))
                .formParam("format", "txt").post("/exports/customers/" + id + "/feeds").then().statusCode(200)
                .extract().asString();
        Matcher feed = Pattern.compile("/feeds/([A-Za-z0-9_-]{40,})").matcher(page);
        Assertions.assertThat(feed.find()).isTrue();
        Matcher revoke = Pattern.compile("/feeds/([0-9]+)/revoke").matcher(as("alice").get("/customers/" + id).asString());
        Assertions.assertThat(revoke.find()).isTrue();
        String feedId = revoke.group(1);

        RequestSpecification alice = browserOf(TestSessions.login("alice", "/customers"));
        for (String type : new String[] { "text/plain", "application/json", null }) {
            RequestSpecification request = browserOf(TestSessions.login("alice", "/customers"));
            if (type != null) {
                request = request.contentType(type).body("version=0");
            }
            request.post("/customers/" + id + "/delete").then().statusCode(400);
        }
        alice.contentType("text/plain").body("x").post("/customers/" + id + "/hosts/" + hostId + "/delete")
                .then().statusCode(400);
        alice.post("/exports/customers/" + id + "/feeds/" + feedId + "/revoke").then().statusCode(400);
        alice.contentType("text/plain").body("name=Injected").post("/customers").then().statusCode(400)
                .body(containsString("form"));

        as("alice").get("/api/v1/customers/" + id).then().statusCode(200);
        as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then().body("id", hasItem(Math.toIntExact(hostId)));
        given().get(feed.group(0)).then().statusCode(200);
    }

    @Test
    void aPlatformAdminsSessionCannotPublishOrRegisterWithoutAToken() {
        RequestSpecification paula = browserOf(TestSessions.login("paula", "/platform/catalogs"));
        paula.post("/platform/catalogs/sophos-central-2026.11/publish").then().statusCode(400);
        browserOf(TestSessions.login("paula", "/platform/partners")).contentType("text/plain")
                .body("id=evil&displayName=Evil").post("/platform/partners").then().statusCode(400);
        as("paula").get("/platform/partners").then().body(Matchers.not(containsString("Evil")));
    }

    @Test
    void deletingFromAPageNeedsTheVersionItWasShownAt() {
        long id = Customers.create("alice", Customers.uniqueName("Versioned delete"), List.of("CENTRAL"));
        TestUsers.Csrf csrf = TestUsers.csrf("alice", "/customers/" + id + "/delete");
        TestUsers.formAs("alice", csrf).post("/customers/" + id + "/delete").then().statusCode(400);
        as("alice").get("/api/v1/customers/" + id).then().statusCode(200);
        TestUsers.formAs("alice", csrf).formParam("version", "7").post("/customers/" + id + "/delete").then().statusCode(409);
        TestUsers.formAs("alice", csrf).formParam("version", "0").post("/customers/" + id + "/delete").then().statusCode(303);
        as("alice").get("/api/v1/customers/" + id).then().statusCode(404);
    }

    @Test
    void bearerScriptsNeedNoTokenOnTheApiWhateverTheirMediaType() {
        long id = Customers.create("alice", Customers.uniqueName("API script"), List.of("CENTRAL"));
        as("alice").contentType(ContentType.JSON).body(Map.of("hosts", List.of("mcs.prod.hydra.sophos.com")))
                .post("/api/v1/customers/" + id + "/mcs-hosts").then().statusCode(200);
        as("alice").delete("/api/v1/customers/" + id).then().statusCode(204);
        // the API never takes the session cookie: a browser's session alone is refused there
        browserOf(TestSessions.login("alice", "/customers")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/customers").then().statusCode(401);
        as("alice").get("/api/v1/customers/" + id).then().statusCode(404).body("status", equalTo(404));
    }
}
