package dev.allowlist.portal;

import dev.allowlist.portal.partner.FakeIdentityProvider;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * What the packaged jar needs in an integration test besides the environment's database: an identity
 * provider whose tokens the test signs itself ({@link FakeIdentityProvider}, trusted by both OIDC
 * tenants), and the secrets production reads from the environment, here for tests only.
 */
public class PackagedPortal implements QuarkusTestResourceLifecycleManager {

    private final FakeIdentityProvider idp = new FakeIdentityProvider();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(idp.start());
        config.put("quarkus.oidc.auth-server-url", config.get("quarkus.oidc.api.auth-server-url"));
        config.put("quarkus.oidc.client-id", "portal-web");
        config.put("quarkus.oidc.credentials.secret", "integration-tests-only-client-secret-0123456789");
        config.put("portal.notifications.key", "aW50ZWdyYXRpb24tdGVzdHMtb25seS1rZXktMDEyMzQ=");
        config.put("quarkus.oidc.authentication.cookie-force-secure", "false");
        config.put("quarkus.rest-csrf.cookie-force-secure", "false");
        return config;
    }

    @Override
    public void stop() {
        idp.stop();
    }

    /** A token of the test's identity provider for a user with these groups, valid for ten minutes. */
    public static String token(String subject, String... groups) {
        return FakeIdentityProvider.current().token("key-a", subject, java.util.List.of(groups),
                java.time.Instant.now().plusSeconds(600), null);
    }
}
