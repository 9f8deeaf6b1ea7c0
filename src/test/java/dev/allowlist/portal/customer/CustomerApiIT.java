package dev.allowlist.portal.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.PackagedPortal;
import dev.allowlist.portal.TestPartners;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The JSON API's main journeys against the packaged jar, started in production mode as it ships: a
 * partner script registers a customer, reports the MCS hosts it saw, reads the allowlist and its
 * versions and changes, downloads a firewall export (audited), and finds each step in the audit
 * history; another partner sees none of it. The jar needs a PostgreSQL it can migrate, named in the
 * environment as CI names it (QUARKUS_DATASOURCE_JDBC_URL and the rest): a release has no embedded one.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedPortal.class)
@EnabledIfEnvironmentVariable(named = "QUARKUS_DATASOURCE_JDBC_URL", matches = ".+",
        disabledReason = "the packaged portal needs a PostgreSQL named in QUARKUS_DATASOURCE_JDBC_URL")
class CustomerApiIT {

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    private static RequestSpecification as(String subject, String... groups) {
        return given().auth().oauth2(PackagedPortal.token(subject, groups)).redirects().follow(false);
    }

    private static RequestSpecification alice() {
        return as("alice", "partner-admin", "partner:acme");
    }

    @Test
    void aScriptRegistersACustomerAndReadsItsAllowlistItsChangesAndItsHistory() {
        given().redirects().follow(false).get("/api/v1/customers").then().statusCode(401);

        String name = "Packaged " + UUID.randomUUID();
        long id = alice().contentType(ContentType.JSON)
                .body(Map.of("name", name, "licenses", List.of("ENDPOINT"), "regions", List.of("eu-west-1")))
                .post("/api/v1/customers")
                .then().statusCode(201).body("name", equalTo(name)).extract().jsonPath().getLong("id");

        String host = "dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com";
        alice().contentType(ContentType.JSON).body(Map.of("hosts", List.of(host)))
                .post("/api/v1/customers/" + id + "/mcs-hosts")
                .then().statusCode(200).body("added", contains(host));

        alice().get("/api/v1/customers/" + id + "/allowlist")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("version", equalTo(2)).body("entries.value", hasItem(host));
        alice().get("/api/v1/customers/" + id + "/allowlist/versions")
                .then().statusCode(200).body("cause", hasItems("customer-created", "hosts-observed"));
        alice().get("/api/v1/customers/" + id + "/changes?from=1&to=2")
                .then().statusCode(200).body("added.value", hasItem(host));

        String squid = alice().get("/api/v1/customers/" + id + "/allowlist?format=squid")
                .then().statusCode(200).header("ETag", not(equalTo(null)))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(squid).contains(host);

        alice().get("/api/v1/audit?customerId=" + id)
                .then().statusCode(200)
                .body("events.summary", hasItem("Customer created: " + name))
                .body("events.summary", hasItem("MCS hosts added: " + host))
                .body("events.summary", hasItem(containsString("Allowlist exported as squid")));
    }

    @Test
    void anotherPartnerSeesNoneOfIt() {
        String name = "Private " + UUID.randomUUID();
        long id = alice().contentType(ContentType.JSON).body(Map.of("name", name, "licenses", List.of("ENDPOINT")))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");

        RequestSpecification bob = as("bob", "partner-admin", "partner:globex");
        bob.get("/api/v1/customers/" + id).then().statusCode(404);
        as("bob", "partner-admin", "partner:globex").get("/api/v1/customers/" + id + "/allowlist?format=squid")
                .then().statusCode(404);
        as("bob", "partner-admin", "partner:globex").get("/api/v1/customers")
                .then().statusCode(200).body("name", everyItem(not(equalTo(name))));
        as("bob", "partner-admin", "partner:globex").get("/api/v1/audit?customerId=" + id)
                .then().statusCode(200).body("events.size()", equalTo(0));
    }
}
