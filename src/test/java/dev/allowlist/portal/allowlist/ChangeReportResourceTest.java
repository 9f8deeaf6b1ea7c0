package dev.allowlist.portal.allowlist;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.TestUsers.formAs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeReportResourceTest {

    @BeforeEach
    void partners() {
        TestPartners.ensureRegistered();
    }

    static void put(long id, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(as("alice").get("/api/v1/customers/" + id).then().extract().jsonPath().getMap(""));
        body.putAll(changes);
        as("alice").contentType(ContentType.JSON).body(body).put("/api/v1/customers/" + id).then().statusCode(200);
    }

    static List<Integer> versions(long id) {
        return as("alice").get("/api/v1/customers/" + id + "/allowlist/versions").then().extract().jsonPath().getList("number");
    }

    @Test
    void eachCauseMakesOneVersionWhenTheContentChangesAndTheReportsAreExact() {
        String name = "Changes " + UUID.randomUUID().toString().substring(0, 8);
        long id = as("alice").contentType(ContentType.JSON)
                .body(Map.of("name", name, "licenses", List.of("ENDPOINT"), "regions", List.of("eu-west-1")))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(versions(id)).containsExactly(1);
        put(id, Map.of("notes", "no content change"));
        assertThat(versions(id)).containsExactly(1);
        put(id, Map.of("licenses", List.of("EDR")));                       // license change
        assertThat(versions(id)).containsExactly(2, 1);
        as("alice").contentType(ContentType.JSON).body(Map.of("hosts", List.of("mcs9.sophos.com")))
                .post("/api/v1/customers/" + id + "/mcs-hosts").then().statusCode(200); // host observed (explicit mode)
        assertThat(versions(id)).containsExactly(3, 2, 1);
        long hostId = as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then().extract().jsonPath().getLong("[0].id");
        as("alice").delete("/api/v1/customers/" + id + "/mcs-hosts/" + hostId).then().statusCode(204); // host removed
        assertThat(versions(id)).containsExactly(4, 3, 2, 1);
        put(id, Map.of("wildcardSupport", true));                           // profile: wildcard mode switch
        assertThat(versions(id)).containsExactly(5, 4, 3, 2, 1);

        as("alice").get("/api/v1/customers/" + id + "/changes?from=1&to=2").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(2))
                .body("added.value", contains("tf-edr-message-upload-eu-west-1-prod-bucket.s3.amazonaws.com",
                        "live-terminal-eu-west-1.prod.hydra.sophos.com", "*.mcs-push-server-eu-west-1.prod.hydra.sophos.com"))
                .body("removed", hasSize(0)).body("changed", hasSize(0))
                .body("causes[0]", containsString("v2: profile-changed (alice"));
        as("alice").get("/api/v1/customers/" + id + "/changes?from=2&to=3").then()
                .body("added.value", contains("mcs9.sophos.com")).body("added[0].id", equalTo("mcs:mcs9.sophos.com"));
        as("alice").get("/api/v1/customers/" + id + "/changes?from=3&to=4").then()
                .body("removed.value", contains("mcs9.sophos.com")).body("removed[0].disposition", equalTo("REMOVE"));
        as("alice").get("/api/v1/customers/" + id + "/changes?from=4&to=5").then()
                .body("added.find { it.value == '*.sophosupd.com' }.impact", equalTo("wildcard substituted for explicit entries"))
                .body("added.find { it.value == '*.sophosupd.com' }.detail",
                        containsString("explicit entries replaced by wildcard *.sophosupd.com"))
                .body("removed.find { it.value == 'd1.sophosupd.com' }.related", contains("*.sophosupd.com"));
        as("alice").get("/customers/" + id + "/changes?from=4&to=5").then().statusCode(200)
                .body(containsString("explicit entries replaced by wildcard *.sophosupd.com"))
                .body(containsString("Add to the firewall")).body(containsString("Remove from the firewall"));
        String csv = as("alice").get("/customers/" + id + "/changes.csv?from=1&to=2").then().statusCode(200).extract().asString();
        assertThat(csv).contains("# Changes from v1 to v2", "add,edr.live-terminal-eu-west-1,live-terminal-eu-west-1.prod.hydra.sophos.com,added entry");
        as("alice").get("/api/v1/customers/" + id + "/changes?from=0&to=9").then().statusCode(400);
    }

    @Test
    void markingAppliedMovesTheNotYetAppliedCount() {
        long id = as("alice").contentType(ContentType.JSON).body(Map.of("name", "Applied " + UUID.randomUUID(),
                "licenses", List.of("ENDPOINT"))).post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        as("alice").get("/customers/" + id).then().body(containsString("31 to add, 0 to remove"))
                .body(containsString("Newest allowlist v1 · applied on the firewall: none yet"));
        TestUsers.Csrf csrf = csrf("erin", "/customers/" + id);
        formAs("erin", csrf).formParam("version", "1").post("/customers/" + id + "/applied").then().statusCode(303);
        as("alice").get("/customers/" + id).then().body(containsString("The firewall has the newest allowlist (v1)."));
        put(id, Map.of("licenses", List.of("EDR")));
        as("alice").get("/customers/" + id).then().body(containsString("12 to add, 0 to remove"))
                .body(containsString("Newest allowlist v2 · applied on the firewall: v1"));
        as("alice").get("/api/v1/customers/" + id + "/changes").then().body("from", equalTo(1)).body("to", equalTo(2))
                .body("added", hasSize(12));
        as("victor").contentType(ContentType.JSON).body(Map.of("version", 2)).post("/api/v1/customers/" + id + "/applied")
                .then().statusCode(403);
        as("alice").contentType(ContentType.JSON).body(Map.of("version", 7)).post("/api/v1/customers/" + id + "/applied")
                .then().statusCode(400);
        as("alice").contentType(ContentType.JSON).body(Map.of("version", 2)).post("/api/v1/customers/" + id + "/applied")
                .then().statusCode(200).body("appliedVersion", equalTo(2));
        as("carol").get("/api/v1/audit?customerId=" + id + "&resourceType=applied-version").then()
                .body("events.summary", contains("Version 1 marked as applied", "Version 2 marked as applied"));
    }

    @Test
    void thePartnerWideReportListsChangedCustomersOfThePartnerOnly() {
        String name = "Period " + UUID.randomUUID().toString().substring(0, 8);
        long id = as("alice").contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/v1/customers")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String bobs = "Bob period " + UUID.randomUUID().toString().substring(0, 8);
        as("bob").contentType(ContentType.JSON).body(Map.of("name", bobs)).post("/api/v1/customers").then().statusCode(201);
        as("alice").get("/changes").then().statusCode(200).body(containsString(name)).body(not(containsString(bobs)))
                .body(containsString("/customers/" + id + "/changes?from=0&amp;to=1"));
        as("alice").get("/api/v1/changes").then().statusCode(200).body("customers.name", hasItem(name))
                .body("customers.name", not(hasItem(bobs)));
        as("alice").get("/api/v1/changes?from=2001-01-01&to=2001-01-31").then().body("customers", hasSize(0));
        as("alice").get("/changes?from=nonsense").then().statusCode(400);
    }

    @Test
    void anAtomFeedAnnouncesNewVersions() {
        long id = as("alice").contentType(ContentType.JSON).body(Map.of("name", "Atom <&> " + UUID.randomUUID(),
                "licenses", List.of("ENDPOINT"))).post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        put(id, Map.of("licenses", List.of("EDR")));
        TestUsers.Csrf csrf = csrf("alice", "/customers/" + id);
        String page = formAs("alice", csrf).formParam("format", "atom").post("/exports/customers/" + id + "/feeds")
                .then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(/feeds/[A-Za-z0-9_-]{40,})").matcher(page);
        assertThat(m.find()).isTrue();
        given().get(m.group(1)).then().statusCode(200).contentType(containsString("application/atom+xml"))
                .body(containsString("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
                .body(containsString("Version 2: 12 to add, 0 to remove, 0 changed"))
                .body(containsString("Version 1: 31 to add"))
                .body(containsString("Atom &lt;&amp;&gt;"));
    }

    @Test
    void reportsAreTenantScoped() {
        long id = as("alice").contentType(ContentType.JSON).body(Map.of("name", "Scoped report " + UUID.randomUUID()))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        as("bob").get("/api/v1/customers/" + id + "/changes").then().statusCode(404);
        as("bob").get("/customers/" + id + "/changes").then().statusCode(404);
        as("bob").get("/customers/" + id + "/changes.csv").then().statusCode(404);
        as("bob").contentType(ContentType.JSON).body(Map.of("version", 1)).post("/api/v1/customers/" + id + "/applied")
                .then().statusCode(404);
        TestUsers.Csrf csrf = csrf("bob", "/customers/new");
        formAs("bob", csrf).formParam("version", "1").post("/customers/" + id + "/applied").then().statusCode(404);
    }
}
