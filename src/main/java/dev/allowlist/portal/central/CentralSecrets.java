package dev.allowlist.portal.central;

import dev.allowlist.portal.central.core.SealedSecrets;
import dev.allowlist.portal.partner.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The platform's key for Sophos Central credentials ({@code PORTAL_CENTRAL_KEY}), with the keys of earlier
 * rotations ({@code PORTAL_CENTRAL_PREVIOUS_KEYS}) that still open what they sealed.
 */
@ApplicationScoped
public class CentralSecrets {

    @Inject
    PortalConfig config;

    private volatile SealedSecrets secrets;

    /** The keys, or empty when the platform has none configured (connecting is then refused). */
    public Optional<SealedSecrets> secrets() {
        SealedSecrets s = secrets;
        if (s == null) {
            Optional<String> key = config.central().key().filter(k -> !k.isBlank());
            if (key.isEmpty()) {
                return Optional.empty();
            }
            s = new SealedSecrets(key.get(), config.central().previousKeys().orElse(List.of()));
            secrets = s;
        }
        return Optional.of(s);
    }
}
