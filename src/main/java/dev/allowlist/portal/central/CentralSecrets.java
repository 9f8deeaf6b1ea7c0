package dev.allowlist.portal.central;

import dev.allowlist.portal.central.core.SealedSecrets;
import dev.allowlist.portal.partner.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The platform's key for Sophos Central credentials ({@code PORTAL_CENTRAL_KEY}), with the keys of earlier
 * rotations ({@code PORTAL_CENTRAL_PREVIOUS_KEYS}) that still open what they sealed.
 */
@ApplicationScoped
public class CentralSecrets {

    @Inject
    PortalConfig config;

    private static final Logger LOG = Logger.getLogger(CentralSecrets.class);

    private volatile SealedSecrets secrets;
    private volatile boolean warned;

    /** The keys, or empty when the platform has none configured (connecting is then refused). */
    public Optional<SealedSecrets> secrets() {
        SealedSecrets s = secrets;
        if (s == null) {
            Optional<String> key = config.central().key().filter(k -> !k.isBlank());
            if (key.isEmpty()) {
                return Optional.empty();
            }
            try {
                s = new SealedSecrets(key.get(), config.central().previousKeys().orElse(List.of()));
            } catch (IllegalArgumentException e) {
                // a key that is not base64 of 32 bytes: said once in the log (never the key), treated as none
                if (!warned) {
                    warned = true;
                    LOG.errorf("PORTAL_CENTRAL_KEY or PORTAL_CENTRAL_PREVIOUS_KEYS is unusable (%s): "
                            + "Sophos Central connections are refused until it is fixed", e.getMessage());
                }
                return Optional.empty();
            }
            secrets = s;
        }
        return Optional.of(s);
    }
}
