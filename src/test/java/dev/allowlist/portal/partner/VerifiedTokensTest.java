package dev.allowlist.portal.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache (issue 17, decision 1), against an identity provider whose keys the test
 * controls ({@link FakeIdentityProvider}): the API's OIDC tenant trusts it, Quarkus OIDC verifies its
 * tokens for real, and the cache sits in front.
 */
@QuarkusTest
@TestProfile(VerifiedTokensTest.WithFakeProvider.class)
class VerifiedTokensTest {

    public static class WithFakeProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeIdentityProvider.class));
        }
    }

    @Inject
    VerifiedTokens tokens;

    @Inject
    KeySetWatch keys;

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
        TestUsers.forget();
    }

    private static FakeIdentityProvider idp() {
        return FakeIdentityProvider.running;
    }

    private static String token(String kid, String partner, Duration lifetime) {
        return idp().token(kid, "admin-of-" + partner + "-" + UUID.randomUUID(), List.of("partner-admin", "partner:" + partner),
                Instant.now().plus(lifetime), null);
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).redirects().follow(false);
    }

    @Test
    void aTokenIsVerifiedOnceThenAnsweredFromTheCacheAndTheHitRateIsAMetric() {
        String token = token("key-a", "acme", Duration.ofMinutes(5));
        long size = tokens.size();
        long hits = tokens.hits();
        bearer(token).get("/api/v1/customers").then().statusCode(200);
        assertThat(tokens.size()).isEqualTo(size + 1);
        bearer(token).get("/api/v1/customers").then().statusCode(200);
        bearer(token).get("/api/v1/customers").then().statusCode(200);
        assertThat(tokens.hits()).isEqualTo(hits + 2);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("portal_verified_tokens_hit_ratio")
                .containsPattern("cache_gets_total\\{[^}]*cache=\"portal_verified_tokens\"[^}]*result=\"hit\"[^}]*\\} [1-9]");
    }

    @Test
    void anExpiredTokenIsRefusedEvenWhileCached() {
        Instant exp = Instant.ofEpochSecond(Instant.now().plusSeconds(3).getEpochSecond()); // exp is in whole seconds
        String token = idp().token("key-a", "admin-of-acme-" + UUID.randomUUID(), List.of("partner-admin", "partner:acme"),
                exp, null);
        bearer(token).get("/api/v1/customers").then().statusCode(200);
        long hits = tokens.hits();
        bearer(token).get("/api/v1/customers").then().statusCode(200);
        assertThat(tokens.hits()).as("answered from the cache").isEqualTo(hits + 1);
        // the condition is the clock itself: the moment the token's exp has passed
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(exp));
        bearer(token).get("/api/v1/customers").then().statusCode(401);
    }

    @Test
    void aTokenNotValidYetIsNeitherAcceptedNorCached() {
        String token = idp().token("key-a", "early-" + UUID.randomUUID(), List.of("partner-admin", "partner:acme"),
                Instant.now().plusSeconds(600), Instant.now().plusSeconds(300));
        long size = tokens.size();
        bearer(token).get("/api/v1/customers").then().statusCode(401);
        assertThat(tokens.size()).isEqualTo(size);
    }

    @Test
    void aTokenSignedByARemovedKeyIsRefusedAfterTheKeySetRefresh() {
        keys.check(); // the key set as published now
        String cached = token("key-c", "acme", Duration.ofMinutes(5));
        String other = token("key-b", "acme", Duration.ofMinutes(5));
        bearer(cached).get("/api/v1/customers").then().statusCode(200);
        bearer(other).get("/api/v1/customers").then().statusCode(200);
        assertThat(tokens.keyIds()).contains("key-c", "key-b");
        try {
            idp().unpublish("key-c");
            assertThat(keys.check()).as("the key set changed").isTrue();
            assertThat(tokens.size()).as("the cache is emptied").isZero();
            bearer(cached).get("/api/v1/customers").then().statusCode(401);
            // a token of that key the portal has never seen is refused too (Quarkus OIDC still holds the key)
            bearer(token("key-c", "acme", Duration.ofMinutes(5))).get("/api/v1/customers").then().statusCode(401);
            // tokens of the keys still published are verified again, and work
            bearer(other).get("/api/v1/customers").then().statusCode(200);
            assertThat(tokens.keyIds()).containsExactly("key-b");
        } finally {
            idp().publish("key-c");
            keys.check();
        }
        bearer(token("key-c", "acme", Duration.ofMinutes(5))).get("/api/v1/customers").then().statusCode(200);
    }

    @Test
    void aTamperedTokenIsAMissAndIsRefused() {
        String token = token("key-a", "acme", Duration.ofMinutes(5));
        bearer(token).get("/api/v1/customers").then().statusCode(200);
        long size = tokens.size();
        // one byte of the payload changed: another key in the cache, and a signature that does not match
        int at = token.indexOf('.') + 10;
        char changed = token.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, at) + changed + token.substring(at + 1);
        bearer(tampered).get("/api/v1/customers").then().statusCode(401);
        // and one byte of the signature
        String badSignature = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        bearer(badSignature).get("/api/v1/customers").then().statusCode(401);
        assertThat(tokens.size()).isEqualTo(size);
        bearer(token).get("/api/v1/customers").then().statusCode(200);
    }

    @Test
    void twoPartnersTokensNeverShareAnEntry() {
        String acme = token("key-a", "acme", Duration.ofMinutes(5));
        String globex = token("key-a", "globex", Duration.ofMinutes(5));
        String name = "Token cache " + UUID.randomUUID();
        bearer(acme).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"licenses\":[\"CENTRAL\"]}")
                .post("/api/v1/customers").then().statusCode(201);
        long size = tokens.size();
        for (int i = 0; i < 2; i++) { // the second round is answered from the cache
            bearer(acme).get("/api/v1/customers").then().statusCode(200).body("name", hasItem(name));
            bearer(globex).get("/api/v1/customers").then().statusCode(200).body("name", not(hasItem(name)));
        }
        assertThat(tokens.size()).isEqualTo(size + 1); // globex's token is new; acme's was kept at the POST
    }

    @Test
    void pageRequestsWithABearerTokenUseTheCacheToo() {
        long hits = tokens.hits();
        TestUsers.as("alice").get("/customers").then().statusCode(200);
        TestUsers.as("alice").get("/customers").then().statusCode(200);
        assertThat(tokens.hits()).isGreaterThan(hits);
    }
}
