package dev.allowlist.portal.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The verified-token cache's two bounds, entries and estimated bytes, each holding on its own. */
class VerifiedTokensBoundsTest {

    private static VerifiedTokens cache(int maxEntries, long maxBytes) {
        Object settings = Proxy.newProxyInstance(PortalConfig.TokenCache.class.getClassLoader(),
                new Class<?>[] { PortalConfig.TokenCache.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "enabled" -> true;
                    case "maxEntries" -> maxEntries;
                    case "maxSize" -> new MemorySize(BigInteger.valueOf(maxBytes));
                    case "maxAge" -> Duration.ofMinutes(5);
                    case "keySetCheck" -> Duration.ofMinutes(1);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        PortalConfig config = (PortalConfig) Proxy.newProxyInstance(PortalConfig.class.getClassLoader(),
                new Class<?>[] { PortalConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("tokenCache")) {
                        return settings;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        VerifiedTokens tokens = new VerifiedTokens(config, new SimpleMeterRegistry());
        tokens.keys = new KeySetWatch();
        return tokens;
    }

    /** A verified identity whose token expires in ten minutes. */
    private static QuarkusSecurityIdentity identity() {
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        JsonWebToken jwt = (JsonWebToken) Proxy.newProxyInstance(JsonWebToken.class.getClassLoader(),
                new Class<?>[] { JsonWebToken.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getExpirationTime" -> exp;
                    case "getName" -> "someone";
                    default -> null;
                });
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole("partner-admin").build();
    }

    private static String token(int i, int payloadLength) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"RS256\",\"kid\":\"k\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + String.valueOf(i).repeat(Math.max(1, payloadLength / String.valueOf(i).length())) + "." + i;
    }

    @Test
    void neverMoreEntriesThanConfigured() {
        VerifiedTokens tokens = cache(10, 16L * 1024 * 1024);
        for (int i = 0; i < 200; i++) {
            tokens.remember("api", token(i, 100), identity());
        }
        assertThat(tokens.size()).isBetween(1L, 10L);
    }

    @Test
    void neverMoreBytesThanConfiguredWhenTokensAreLarge() {
        // each 4,000-character token is estimated at 14,048 bytes: 64 KiB hold four of them
        VerifiedTokens tokens = cache(10_000, 64 * 1024);
        for (int i = 0; i < 200; i++) {
            tokens.remember("api", token(i, 4_000), identity());
        }
        assertThat(tokens.size()).isBetween(1L, 4L);
    }
}
