package dev.allowlist.portal.partner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * An OpenID provider whose signing keys a test controls: a real HTTP server (discovery document and
 * JWKS) and real RS256 signatures, so that Quarkus OIDC verifies its tokens exactly as it verifies
 * Keycloak's. Keys can be taken out of the published set, as a provider rotating a key out does.
 */
public class FakeIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static volatile FakeIdentityProvider running;

    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final Map<String, Boolean> published = new ConcurrentHashMap<>();
    final AtomicInteger jwksFetches = new AtomicInteger();
    private HttpServer server;
    private String issuer;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            for (String kid : List.of("key-a", "key-b", "key-c")) {
                keys.put(kid, generator.generateKeyPair());
                published.put(kid, true);
            }
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/fake";
            server.createContext("/realms/fake/.well-known/openid-configuration", x -> answer(x, """
                    {"issuer":"%1$s","jwks_uri":"%1$s/jwks","token_endpoint":"%1$s/token",
                     "authorization_endpoint":"%1$s/auth","end_session_endpoint":"%1$s/logout",
                     "id_token_signing_alg_values_supported":["RS256"]}
                    """.formatted(issuer)));
            server.createContext("/realms/fake/jwks", x -> {
                jwksFetches.incrementAndGet();
                answer(x, jwks());
            });
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        running = this;
        return Map.of("quarkus.oidc.api.auth-server-url", issuer, "portal.token-cache.key-set-check", "1h");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        running = null;
    }

    void unpublish(String kid) {
        published.put(kid, false);
    }

    /** The provider the current test started. */
    public static FakeIdentityProvider current() {
        return running;
    }

    void publish(String kid) {
        published.put(kid, true);
    }

    /** A signed access token; nbf may be null. */
    public String token(String kid, String subject, List<String> groups, Instant expires, Instant notBefore) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setSubject(subject);
            claims.setClaim("preferred_username", subject);
            claims.setClaim("groups", groups);
            claims.setIssuedAt(NumericDate.now());
            claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
            if (notBefore != null) {
                claims.setNotBefore(NumericDate.fromSeconds(notBefore.getEpochSecond()));
            }
            claims.setGeneratedJwtId();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(keys.get(kid).getPrivate());
            jws.setKeyIdHeaderValue(kid);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jwks() {
        try {
            List<JsonWebKey> list = new ArrayList<>();
            for (Map.Entry<String, KeyPair> key : keys.entrySet()) {
                if (published.get(key.getKey())) {
                    RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key.getValue().getPublic());
                    jwk.setKeyId(key.getKey());
                    jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                    jwk.setUse("sig");
                    list.add(jwk);
                }
            }
            return new JsonWebKeySet(list).toJson();
        } catch (RuntimeException e) {
            throw e;
        }
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
