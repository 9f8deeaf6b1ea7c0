package dev.allowlist.portal.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.allowlist.portal.Sha256;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens Quarkus OIDC has verified, kept so that the same token string is verified once, not
 * on every request (the model is Envoy's {@code jwt_authn} cache of verified JWTs).
 *
 * <ul>
 * <li>Key: SHA-256 of the OIDC tenant and the token string; value: the identity OIDC built (subject,
 * roles, claims). A token that differs in one byte is another key, so it is verified afresh.</li>
 * <li>An entry lives until its token's {@code exp} and at most {@code portal.token-cache.max-age}; a
 * token that is not valid yet ({@code nbf}) or carries no {@code exp} is never kept.</li>
 * <li>Bounded: at most {@code max-entries} entries and {@code max-size} bytes, each entry weighed by
 * its token's size.</li>
 * <li>Emptied when the identity provider's key set changes ({@link KeySetWatch}); tokens signed by a
 * key that left the set are refused from then on, cached or not. The cache lives in memory only, so
 * it starts empty with every start, and with it every configuration change.</li>
 * </ul>
 * Hits and misses are metrics ({@code cache_gets_total{cache="portal_verified_tokens"}}) and so is
 * the hit rate ({@code portal_verified_tokens_hit_ratio}).
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Bytes an entry costs beyond its token: the identity, its roles and the parsed claims' objects. */
    private static final int OVERHEAD = 2048;
    private static final ObjectMapper HEADER_READER = new ObjectMapper();

    /** A verified identity, the key that signed its token, and when the entry must go. */
    record Verified(SecurityIdentity identity, String keyId, Instant expires, int weight) {
    }

    private final Cache<String, Verified> cache;
    private final boolean enabled;
    private final Duration maxAge;

    @Inject
    KeySetWatch keys;

    @Inject
    public VerifiedTokens(PortalConfig config, MeterRegistry registry) {
        PortalConfig.TokenCache settings = config.tokenCache();
        this.enabled = settings.enabled();
        this.maxAge = settings.maxAge();
        long maxBytes = settings.maxSize().asLongValue();
        // every entry weighs at least maxBytes / maxEntries, so that neither bound can be exceeded
        long floor = Math.max(1, maxBytes / Math.max(1, settings.maxEntries()));
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Verified v) -> (int) Math.min(Integer.MAX_VALUE, Math.max(floor, v.weight())))
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String key, Verified v, long now) {
                        return Math.max(0, TimeUnit.MILLISECONDS.toNanos(v.expires().toEpochMilli() - System.currentTimeMillis()));
                    }

                    @Override
                    public long expireAfterUpdate(String key, Verified v, long now, long current) {
                        return expireAfterCreate(key, v, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Verified v, long now, long current) {
                        return current;
                    }
                })
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, "portal_verified_tokens");
        Gauge.builder("portal_verified_tokens_hit_ratio", cache, c -> c.stats().hitRate())
                .description("Share of bearer requests answered from the verified-token cache").register(registry);
    }

    /** The identity this token was verified as, while its entry lives. */
    Optional<Verified> find(String tenant, String token) {
        if (!enabled) {
            return Optional.empty();
        }
        Verified v = cache.getIfPresent(key(tenant, token));
        if (v != null && !Instant.now().isBefore(v.expires())) {
            cache.invalidate(key(tenant, token)); // expired this very moment: never served past exp
            return Optional.empty();
        }
        return Optional.ofNullable(v);
    }

    /** Keeps what Quarkus OIDC verified; tokens without exp, not valid yet, or signed by a removed key are not kept. */
    void remember(String tenant, String token, SecurityIdentity identity) {
        if (!enabled || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        long now = Instant.now().getEpochSecond();
        long exp = jwt.getExpirationTime();
        Object nbf = jwt.getClaim("nbf");
        if (exp <= now || (nbf instanceof Number n && n.longValue() > now)) {
            return;
        }
        String keyId = keyId(token);
        if (keys.removed(keyId)) {
            return;
        }
        Instant expires = Instant.ofEpochSecond(exp);
        Instant latest = Instant.now().plus(maxAge);
        cache.put(key(tenant, token), new Verified(identity, keyId, expires.isBefore(latest) ? expires : latest,
                token.length() * 3 + OVERHEAD));
    }

    /**
     * The identity provider's key set changed, or a partner was renamed or disabled: whatever was verified
     * before is verified (and its membership resolved) again.
     */
    void clear() {
        cache.invalidateAll();
    }

    /** Entries held now (tests and metrics). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    public long hits() {
        return cache.stats().hitCount();
    }

    /** The {@code kid} of a JWT's header, or "" when it has none or is not a JWT. */
    static String keyId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return "";
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            var node = HEADER_READER.readTree(header).get("kid");
            return node == null || !node.isTextual() ? "" : node.asText();
        } catch (IllegalArgumentException | IOException e) {
            return "";
        }
    }

    private static String key(String tenant, String token) {
        return Sha256.hex(tenant + "\n" + token);
    }

    /** For tests: the key ids of the entries held. */
    Set<String> keyIds() {
        return cache.asMap().values().stream().map(Verified::keyId).collect(Collectors.toSet());
    }
}
