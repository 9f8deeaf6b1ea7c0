package dev.allowlist.portal.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.Sha256;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The identity provider's signing keys, fetched every {@code portal.token-cache.key-set-check} from its
 * JWKS (found through its discovery document) and compared with the previous fetch. When a key left
 * the set or changed, the verified-token cache is emptied, and tokens naming a key that left the set
 * (by {@code kid}) are refused from then on. Quarkus OIDC keeps the keys it fetched until a token names
 * a key it does not know, so without this rule a key rotated out at the provider would stay trusted.
 * A key that comes back is trusted again at the next fetch.
 */
@ApplicationScoped
public class KeySetWatch {

    private static final Logger LOG = Logger.getLogger(KeySetWatch.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    VerifiedTokens tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** kid → fingerprint of the key, as last fetched; null before the first fetch. */
    private volatile Map<String, String> current;
    private final Set<String> removed = ConcurrentHashMap.newKeySet();

    /** True when some key was published once and is no longer (most of the time, none). */
    boolean anyRemoved() {
        return !removed.isEmpty();
    }

    /** True when this key id was published once and is no longer. */
    boolean removed(String keyId) {
        return !removed.isEmpty() && removed.contains(keyId);
    }

    @Scheduled(every = "${portal.token-cache.key-set-check}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check();
    }

    /**
     * Fetches the key set and compares it; returns true when it changed (the cache was emptied).
     * A failed fetch changes nothing: the keys known stay known.
     */
    public synchronized boolean check() {
        Optional<Map<String, String>> fetched = fetch();
        if (fetched.isEmpty()) {
            return false;
        }
        Map<String, String> now = fetched.get();
        Map<String, String> before = current;
        current = now;
        removed.removeAll(now.keySet());
        if (before == null || before.equals(now)) {
            return false;
        }
        before.forEach((kid, fingerprint) -> {
            if (!now.containsKey(kid)) {
                removed.add(kid);
            }
        });
        tokens.clear();
        LOG.infof("The identity provider's key set changed (%d keys, %d removed): verified tokens forgotten", now.size(),
                removed.size());
        return true;
    }

    private Optional<Map<String, String>> fetch() {
        Optional<String> server = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.api.auth-server-url", String.class)
                .or(() -> ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class));
        if (server.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode discovery = get(server.get().replaceAll("/+$", "") + "/.well-known/openid-configuration");
            String jwksUri = discovery.path("jwks_uri").asText("");
            if (jwksUri.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> keys = new TreeMap<>();
            for (JsonNode key : get(jwksUri).path("keys")) {
                keys.put(key.path("kid").asText(""), Sha256.hex(JSON.writeValueAsString(key)));
            }
            return Optional.of(keys);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Key set not fetched: %s", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private JsonNode get(String uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
