package dev.allowlist.portal.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.allowlist.portal.TestPartners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real authorization-code flow through the dev identity provider's login page, cookies and all. */
@QuarkusTest
class LoginFlowTest {

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    @Test
    void aliceLogsInThroughTheLoginPageAndSeesHerOrganisation() {
        Map<String, String> cookies = login("alice", "/customers");
        given().cookies(cookies).redirects().follow(false).get("/customers").then().statusCode(200)
                .body(containsString("Acme MSP")).body(containsString("Customers"));
        given().cookies(cookies).redirects().follow(false).get("/").then().statusCode(200)
                .body(containsString("Alice"));
    }

    @Test
    void malloryLogsInAndSeesOnlyTheNotRegisteredPage() {
        Map<String, String> cookies = login("mallory", "/");
        given().cookies(cookies).redirects().follow(false).get("/").then().statusCode(403)
                .body(containsString("Not registered"));
    }

    /** Follows the redirects a browser would, pressing the user's button on the login page. */
    static Map<String, String> login(String user, String startPath) {
        Map<String, String> appCookies = new HashMap<>();
        Response start = given().redirects().follow(false).get(startPath);
        assertThat(start.statusCode()).isEqualTo(302);
        appCookies.putAll(start.getCookies());
        String authorize = start.header("Location");

        Response loginPage = given().redirects().follow(false).get(authorize);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String html = loginPage.asString();
        Map<String, String> fields = new HashMap<>();
        for (String name : new String[] { "redirect_uri", "response_type", "client_id", "scope", "state", "nonce" }) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("name='" + name + "' value='([^']*)'").matcher(html);
            if (m.find()) {
                fields.put(name, m.group(1));
            }
        }
        fields.put("predefined-" + user, user);
        String loginUrl = authorize.substring(0, authorize.indexOf("/authorize")) + "/login";
        Response callback = given().redirects().follow(false).contentType(ContentType.URLENC).formParams(fields).post(loginUrl);
        assertThat(callback.statusCode()).isBetween(302, 303);

        String next = callback.header("Location");
        for (int hop = 0; hop < 5 && next != null; hop++) {
            Response response = given().redirects().follow(false).cookies(appCookies).get(next);
            appCookies.putAll(response.getCookies());
            next = response.statusCode() / 100 == 3 ? response.header("Location") : null;
            if (next != null && next.startsWith("http") && !next.contains("localhost:8081")) {
                break;
            }
        }
        assertThat(appCookies).containsKey("q_session");
        return appCookies;
    }
}
