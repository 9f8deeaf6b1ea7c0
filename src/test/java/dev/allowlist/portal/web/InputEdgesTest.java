package dev.allowlist.portal.web;

import static dev.allowlist.portal.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.customer.Customers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inputs at the edges that once answered 500 or a malformed header (issue 13, F7, F10, F11). */
@QuarkusTest
class InputEdgesTest {

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    @Test
    void controlCharactersAreAFieldErrorAndNothingIsSaved() {
        long before = TestPartners.count("customer");
        as("alice").contentType(ContentType.JSON).body(Map.of("name", "Null\u0000byte", "licenses", List.of()))
                .post("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("control character"));
        as("alice").contentType(ContentType.JSON).body(Map.of("name", "Fine", "notes", "a\u0000b", "licenses", List.of()))
                .post("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("notes"));
        as("alice").contentType(ContentType.JSON)
                .body(Map.of("name", "Fine", "externalReference", "x\uFFFF", "licenses", List.of()))
                .post("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("externalReference"));
        TestUsers.formAs("alice", TestUsers.csrf("alice", "/customers/new")).formParam("name", "Form\u0000name")
                .post("/customers").then().statusCode(400).body(containsString("control character"));
        assertThat(TestPartners.count("customer")).isEqualTo(before);
        TestUsers.formAs("paula", TestUsers.csrf("paula", "/platform/partners")).formParam("slug", "nul-partner")
                .formParam("displayName", "Nul\u0000Partner").post("/platform/partners").then().statusCode(400)
                .body(containsString("control character"));
        assertThat(TestPartners.count("partner WHERE id = 'nul-partner'")).isZero();
        // notes keep their line breaks
        as("alice").contentType(ContentType.JSON).body(Map.of("name", Customers.uniqueName("Notes"), "notes", "line 1\r\n\tline 2",
                "licenses", List.of())).post("/api/v1/customers").then().statusCode(201);
    }

    @Test
    void aHugePageNumberShowsTheLastPage() {
        as("alice").get("/customers?page=2147483647").then().statusCode(200);
        as("alice").get("/customers?page=-5").then().statusCode(200);
    }

    @Test
    void theLanguageSwitchReturnsOnlyToAPlainLocalPath() {
        for (String back : new String[] { "/%09/evil.example", "/%0d%0a/x", "//evil.example", "/%5Cevil", "https://evil.example/",
                "/%20/x" }) {
            given().redirects().follow(false).urlEncodingEnabled(false).get("/language?lang=ja&back=" + back).then()
                    .statusCode(303).header("Location", Matchers.endsWith("/"));
        }
        given().redirects().follow(false).get("/language?lang=ja&back=/customers?page=2").then().statusCode(303)
                .header("Location", Matchers.endsWith("/customers?page=2"));
    }

    @Test
    void feedEtagsAreQuotedOnceAndStarMatches() {
        long id = Customers.create("alice", Customers.uniqueName("ETag"), List.of("CENTRAL"));
        String page = TestUsers.formAs("alice", TestUsers.csrf("alice", "/customers/" + id)).formParam("format", "txt")
                .post("/exports/customers/" + id + "/feeds").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("/feeds/[A-Za-z0-9_-]{40,}").matcher(page);
        assertThat(m.find()).isTrue();
        String feed = m.group();
        String etag = given().get(feed).then().statusCode(200).extract().header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        given().header("If-None-Match", etag).get(feed).then().statusCode(304).header("ETag", equalTo(etag));
        given().header("If-None-Match", "W/" + etag).get(feed).then().statusCode(304);
        given().header("If-None-Match", "\"other\", " + etag).get(feed).then().statusCode(304);
        given().header("If-None-Match", "*").get(feed).then().statusCode(304).header("ETag", equalTo(etag));
        given().header("If-None-Match", "\"other\"").get(feed).then().statusCode(200);
    }
}
