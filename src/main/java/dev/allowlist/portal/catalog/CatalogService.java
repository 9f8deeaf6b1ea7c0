package dev.allowlist.portal.catalog;

import dev.allowlist.portal.audit.AuditService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The rule catalog versions in PostgreSQL. At start the bundled catalog is validated and stored as an
 * immutable version (once per content hash); a bundled catalog not seen before becomes current.
 */
@ApplicationScoped
public class CatalogService {

    static final String BUNDLED = "/catalog/sophos-central.json";
    private static final Logger LOG = Logger.getLogger(CatalogService.class);

    /** A parsed catalog with its stored id and hash. */
    public record Loaded(String versionId, String contentHash, RuleCatalog catalog) {
    }

    @jakarta.inject.Inject
    AuditService audit;

    private final ConcurrentHashMap<String, Loaded> parsed = new ConcurrentHashMap<>();
    private volatile Loaded current;

    @Transactional
    void loadBundled(@Observes StartupEvent start) {
        String json = readBundled();
        RuleCatalog catalog = new CatalogParser().parse(json); // refuses a broken catalog at start
        String hash = sha256(json);
        CatalogVersion stored = CatalogVersion.find("contentHash", hash).firstResult();
        if (stored == null) {
            if (CatalogVersion.findById(catalog.id()) != null) {
                throw new CatalogException("catalog id '" + catalog.id()
                        + "' is already stored with other content: give the changed catalog a new id");
            }
            CatalogVersion.update("current = false where current = true");
            stored = new CatalogVersion();
            stored.id = catalog.id();
            stored.contentHash = hash;
            stored.content = json;
            stored.ruleCount = catalog.rules().size();
            stored.loadedAt = OffsetDateTime.now();
            stored.current = true;
            stored.persist();
            audit.record(AuditService.Operation.ACTION, "catalog", catalog.id(), null,
                    "Rule catalog " + catalog.id() + " stored and made current",
                    java.util.Map.of("contentHash", hash, "rules", catalog.rules().size(), "source", "bundled"));
            LOG.infof("Catalog %s stored (%d rules, sha256 %s) and made current", catalog.id(), catalog.rules().size(), hash);
        }
        CatalogVersion currentVersion = CatalogVersion.find("current", true).firstResult();
        current = load(currentVersion);
    }

    /** The current catalog version. */
    public Loaded current() {
        return current;
    }

    private Loaded load(CatalogVersion version) {
        return parsed.computeIfAbsent(version.id,
                id -> new Loaded(id, version.contentHash, new CatalogParser().parse(version.content)));
    }

    private static String readBundled() {
        try (InputStream in = CatalogService.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new CatalogException("bundled catalog " + BUNDLED + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
