package dev.allowlist.portal;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real access tokens from the OIDC Dev Services identity provider (password grant), for the users
 * application.properties defines. Nothing is mocked: the portal verifies them like any token.
 */
public final class TestUsers {

    private record Issued(String token, long at) {
    }

    private static final Map<String, Issued> TOKENS = new ConcurrentHashMap<>();

    private TestUsers() {
    }

    public static String authServerUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /** Forgets the tokens issued so far (a test profile restarts the portal and its identity provider). */
    public static void forget() {
        TOKENS.clear();
    }

    public static String token(String user) {
        Issued issued = TOKENS.get(user);
        if (issued != null && System.currentTimeMillis() - issued.at() < 60_000) {
            return issued.token();
        }
        String token = fetch(user);
        TOKENS.put(user, new Issued(token, System.currentTimeMillis()));
        return token;
    }

    private static String fetch(String u) {
        return given()
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", ConfigProvider.getConfig().getValue("quarkus.oidc.client-id", String.class))
                .formParam("client_secret",
                        ConfigProvider.getConfig().getValue("quarkus.oidc.credentials.secret", String.class))
                .formParam("username", u)
                .post(authServerUrl() + "/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A request as this user, with a bearer token. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).redirects().follow(false);
    }

    /** The CSRF token a form page hands out, with its cookie, for posting that form as this user. */
    public static Csrf csrf(String user, String formPage) {
        Response page = as(user).get(formPage);
        String cookie = page.getCookie("csrf-token");
        String field = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        if (cookie == null || field == null || field.isEmpty()) {
            throw new AssertionError("no CSRF token on " + formPage + " (status " + page.statusCode() + ")");
        }
        return new Csrf(cookie, field);
    }

    /** A form post as this user with a valid CSRF token. */
    public static RequestSpecification formAs(String user, Csrf csrf) {
        return as(user).contentType(ContentType.URLENC).cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.field());
    }

    public record Csrf(String cookie, String field) {
    }
}
