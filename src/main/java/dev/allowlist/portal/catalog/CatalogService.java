package dev.allowlist.portal.catalog;

import dev.allowlist.portal.Sha256;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.catalog.core.CatalogException;
import dev.allowlist.portal.catalog.core.CatalogParser;
import dev.allowlist.portal.catalog.core.RuleCatalog;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Inject
    CatalogRepository versions;

    @Inject
    AuditService audit;

    private final ConcurrentHashMap<String, Loaded> parsed = new ConcurrentHashMap<>();
    private volatile Loaded current;

    @Transactional
    void loadBundled(@Observes StartupEvent start) {
        String json = readBundled();
        RuleCatalog catalog = new CatalogParser().parse(json); // refuses a broken catalog at start
        String hash = sha256(json);
        CatalogVersion stored = versions.byContentHash(hash).orElse(null);
        if (stored == null) {
            if (versions.findById(catalog.id()) != null) {
                throw new CatalogException("catalog id '" + catalog.id()
                        + "' is already stored with other content: give the changed catalog a new id");
            }
            versions.makeCurrent(null);
            stored = new CatalogVersion();
            stored.id = catalog.id();
            stored.contentHash = hash;
            stored.content = json;
            stored.ruleCount = catalog.rules().size();
            stored.loadedAt = OffsetDateTime.now();
            stored.current = true;
            stored.persist();
            audit.record(AuditService.Operation.ACTION, ResourceType.CATALOG, catalog.id(), null,
                    "Rule catalog " + catalog.id() + " stored and made current",
                    Map.of("contentHash", hash, "rules", catalog.rules().size(), "source", "bundled"));
            LOG.infof("Catalog %s stored (%d rules, sha256 %s) and made current", catalog.id(), catalog.rules().size(), hash);
        }
        CatalogVersion currentVersion = versions.current().orElse(null);
        current = load(currentVersion);
    }

    /**
     * Reads which version is current again: another instance published one (the change listener
     * hears it from PostgreSQL).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reloadCurrent() {
        CatalogVersion currentVersion = versions.current().orElse(null);
        if (currentVersion != null) {
            current = load(currentVersion);
        }
    }

    /** The current catalog version. */
    public Loaded current() {
        return current;
    }

    /** A stored version as listed for platform admins. */
    public record Summary(String id, String contentHash, int ruleCount, OffsetDateTime loadedAt, boolean current) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Summary> list() {
        return versions.newestFirst().stream()
                .map(v -> new Summary(v.id, v.contentHash, v.ruleCount, v.loadedAt, v.current)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Loaded> find(String id) {
        return versions.findByIdOptional(id).map(this::load);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> content(String id) {
        return versions.findByIdOptional(id).map(v -> v.content);
    }

    /**
     * Stores an uploaded catalog after the same checks as the bundled one; it is not current until
     * published. The same content again is the version already stored.
     */
    @Transactional
    public String store(String json) {
        RuleCatalog catalog;
        try {
            catalog = new CatalogParser().parse(json);
        } catch (CatalogException e) {
            throw InvalidInputException.of("file", "error.catalog", e.getMessage());
        }
        String hash = sha256(json);
        CatalogVersion same = versions.byContentHash(hash).orElse(null);
        if (same != null) {
            return same.id;
        }
        if (versions.findById(catalog.id()) != null) {
            throw InvalidInputException.of("file", "error.catalogId", catalog.id());
        }
        CatalogVersion stored = new CatalogVersion();
        stored.id = catalog.id();
        stored.contentHash = hash;
        stored.content = json;
        stored.ruleCount = catalog.rules().size();
        stored.loadedAt = OffsetDateTime.now();
        stored.current = false;
        stored.persist();
        audit.record(AuditService.Operation.CREATE, ResourceType.CATALOG, catalog.id(), null, "Rule catalog " + catalog.id() + " uploaded",
                Map.of("contentHash", hash, "rules", catalog.rules().size()));
        return stored.id;
    }

    /** Makes a stored version current (publishing does this, then brings every allowlist to it). */
    @Transactional
    public void makeCurrent(String id) {
        CatalogVersion version = versions.findByIdOptional(id)
                .orElseThrow(NotFoundException::new);
        // bulk updates, not the loaded entity's flag: a bulk update bypasses the persistence context,
        // so the flag set on the entity would be lost when republishing the current version. Two
        // statements: at most one version may be current at any moment (a unique index).
        versions.makeCurrent(id);
        current = load(version);
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
        return Sha256.hex(text);
    }
}
