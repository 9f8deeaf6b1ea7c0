package dev.allowlist.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Browser-like sessions: the real authorization-code flow through the dev identity provider's login page. */
public final class TestSessions {

    private TestSessions() {
    }

    /** Follows the redirects a browser would, pressing the user's button on the login page. */
    public static Map<String, String> login(String user, String startPath) {
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
            Matcher m = Pattern
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
