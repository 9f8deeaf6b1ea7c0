package dev.allowlist.portal.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
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

    static Map<String, String> login(String user, String startPath) {
        return TestSessions.login(user, startPath);
    }
}
