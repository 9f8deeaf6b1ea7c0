package dev.allowlist.portal.allowlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.catalog.License;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerLicense;
import dev.allowlist.portal.customer.McsHost;
import dev.allowlist.portal.partner.CurrentMember;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Customers' current allowlists, kept in memory so that what firewalls and scripts poll (the JSON,
 * exports, feeds) costs no query while nothing changes.
 * <p>
 * Correctness rests on three rules. (1) A snapshot is loaded through the tenant-scoped session and
 * served only to a request of the same partner, and only while its catalog version is current.
 * (2) Every change to what a snapshot is made of drops it: PostgreSQL triggers announce the
 * customer's id on commit (V10) and {@link ChangeListener} hears it on every instance; the
 * instance that made the change also drops it itself when its transaction completes, so that its
 * next request reads its own write. (3) A load that overlapped any drop is served but not kept:
 * it may have read the data from before the change. While the listener is not connected, nothing
 * is kept at all.
 */
@ApplicationScoped
public class CurrentAllowlists {

    @Inject
    CurrentMember member;

    @Inject
    CatalogService catalogs;

    @Inject
    AllowlistService allowlists;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ObjectMapper json;

    /** The memory the snapshots may take (estimated), in megabytes; the least used go first. */
    @ConfigProperty(name = "portal.cache.megabytes", defaultValue = "128")
    int megabytes;

    private Cache<Long, AllowlistSnapshot> cache;
    /** Counts drops; a load keeps its result only if none happened while it ran. */
    private final AtomicLong drops = new AtomicLong();
    private volatile boolean listening;

    @PostConstruct
    void init() {
        cache = Caffeine.newBuilder().maximumWeight(megabytes * 1024L * 1024L)
                .weigher((Long id, AllowlistSnapshot snapshot) -> snapshot.estimatedBytes()).build();
    }

    /** The customer's current allowlist, for a member of its partner; empty for another partner's or an unknown id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AllowlistSnapshot> of(long customerId) {
        String tenant = member.tenantId();
        String catalog = catalogs.current().versionId();
        if (listening) {
            AllowlistSnapshot cached = cache.getIfPresent(customerId);
            if (cached != null && cached.partnerId().equals(tenant) && cached.catalogVersionId().equals(catalog)) {
                return Optional.of(cached);
            }
        }
        long dropsBefore = drops.get();
        boolean wasListening = listening;
        Optional<AllowlistSnapshot> loaded = load(customerId);
        if (loaded.isPresent() && wasListening && listening && drops.get() == dropsBefore) {
            cache.put(customerId, loaded.get());
        }
        return loaded;
    }

    /**
     * Everything a snapshot is made of, in one round trip (a miss is what a firewall polling for the
     * first time, or after a change, waits for). Native SQL, so it names the partner itself.
     */
    public static final String LOAD_SQL = """
            SELECT c.id, c.partner_id, c.name, c.external_reference, c.notes, c.regions, c.wildcard_support,
                   c.uses_active_directory, c.tls_inspection, c.application_filtering, c.narrow_hydra, c.firewall_product, c.version,
                   c.created_at, c.updated_at,
                   (SELECT string_agg(l.id || ':' || l.license, ',') FROM customer_license l
                     WHERE l.partner_id = c.partner_id AND l.customer_id = c.id) AS licenses,
                   (SELECT json_agg(json_build_object('id', h.id, 'value', h.value, 'source', h.source,
                           'firstSeenAt', h.first_seen_at, 'lastSeenAt', h.last_seen_at) ORDER BY h.value)
                      FROM mcs_host h WHERE h.partner_id = c.partner_id AND h.customer_id = c.id) AS hosts,
                   v.number AS latest, v.created_at AS latest_at,
                   (SELECT a.number FROM applied_version a WHERE a.partner_id = c.partner_id AND a.customer_id = c.id
                     ORDER BY a.id DESC LIMIT 1) AS applied,
                   (SELECT string_agg(f.id || ':' || f.format, ',' ORDER BY f.id) FROM feed f
                     WHERE f.partner_id = c.partner_id AND f.customer_id = c.id AND f.revoked_at IS NULL) AS feeds
            FROM customer c
            LEFT JOIN LATERAL (SELECT number, created_at FROM allowlist_version av
                               WHERE av.partner_id = c.partner_id AND av.customer_id = c.id
                               ORDER BY number DESC LIMIT 1) v ON true
            WHERE c.partner_id = ? AND c.id = ?
            """;

    private record Row(Customer customer, int version, OffsetDateTime versionAt, int applied, Map<Long, String> feeds) {
    }

    private Optional<AllowlistSnapshot> load(long customerId) {
        Row row = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement(LOAD_SQL)) {
                st.setString(1, member.tenantId());
                st.setLong(2, customerId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? row(rs) : null;
                }
            }
        });
        if (row == null) {
            return Optional.empty();
        }
        Customer customer = row.customer();
        Allowlist allowlist = allowlists.current(customer);
        return Optional.of(new AllowlistSnapshot(customer, customer.partnerId, customer.name, allowlist,
                allowlist.catalogVersion(), row.version(), row.versionAt() == null ? null : row.versionAt().toInstant(),
                row.applied(), row.feeds()));
    }

    /** The customer as a detached entity (read-only: the snapshot is shared), with licenses and hosts. */
    private Row row(ResultSet rs) throws SQLException {
        Customer c = new Customer();
        c.id = rs.getLong("id");
        c.partnerId = rs.getString("partner_id");
        c.name = rs.getString("name");
        c.externalReference = rs.getString("external_reference");
        c.notes = rs.getString("notes");
        Array regions = rs.getArray("regions");
        c.regions = regions == null ? new String[0] : (String[]) regions.getArray();
        c.wildcardSupport = rs.getBoolean("wildcard_support");
        c.usesActiveDirectory = rs.getBoolean("uses_active_directory");
        c.tlsInspection = rs.getBoolean("tls_inspection");
        c.applicationFiltering = rs.getBoolean("application_filtering");
        c.narrowHydra = rs.getBoolean("narrow_hydra");
        c.firewallProduct = rs.getString("firewall_product");
        c.version = rs.getInt("version");
        c.createdAt = rs.getObject("created_at", OffsetDateTime.class);
        c.updatedAt = rs.getObject("updated_at", OffsetDateTime.class);
        List<CustomerLicense> licenses = new ArrayList<>();
        for (String pair : split(rs.getString("licenses"))) {
            CustomerLicense l = new CustomerLicense();
            l.id = Long.parseLong(pair.substring(0, pair.indexOf(':')));
            l.partnerId = c.partnerId;
            l.customer = c;
            l.license = License.valueOf(pair.substring(pair.indexOf(':') + 1));
            licenses.add(l);
        }
        licenses.sort(Comparator.comparing(l -> l.license.name())); // as the entity's @OrderBy
        c.licenses = licenses;
        List<McsHost> hosts = new ArrayList<>();
        String hostsJson = rs.getString("hosts");
        if (hostsJson != null) {
            try {
                for (JsonNode h : json.readTree(hostsJson)) {
                    McsHost host = new McsHost();
                    host.id = h.get("id").asLong();
                    host.partnerId = c.partnerId;
                    host.customer = c;
                    host.value = h.get("value").asText();
                    host.source = McsHost.Source.valueOf(h.get("source").asText());
                    host.firstSeenAt = OffsetDateTime.parse(h.get("firstSeenAt").asText());
                    host.lastSeenAt = OffsetDateTime.parse(h.get("lastSeenAt").asText());
                    hosts.add(host);
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("unreadable hosts of customer " + c.id, e);
            }
        }
        c.mcsHosts = hosts;
        Map<Long, String> feeds = new LinkedHashMap<>();
        for (String pair : split(rs.getString("feeds"))) {
            feeds.put(Long.parseLong(pair.substring(0, pair.indexOf(':'))), pair.substring(pair.indexOf(':') + 1));
        }
        int latest = rs.getInt("latest");
        OffsetDateTime latestAt = rs.getObject("latest_at", OffsetDateTime.class);
        int applied = rs.getInt("applied");
        return new Row(c, latest, latestAt, applied, feeds);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    /**
     * Drops the customer's snapshot when the current transaction completes (committed or not), so
     * the change's own instance never serves what it just replaced. Outside a transaction: now.
     */
    public void changed(long customerId) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    drop(customerId);
                }
            });
        } else {
            drop(customerId);
        }
    }

    /** Forgets one customer's snapshot (its data changed, here or on another instance). */
    void drop(long customerId) {
        drops.incrementAndGet();
        cache.invalidate(customerId);
    }

    /** Forgets every snapshot (the listener (re)connected and may have missed announcements). */
    void dropAll() {
        drops.incrementAndGet();
        cache.invalidateAll();
    }

    /** Whether snapshots are kept: only while changes are heard. */
    void listening(boolean on) {
        listening = on;
        dropAll();
    }

    public boolean isListening() {
        return listening;
    }

    /** How many snapshots are held (tests, metrics). */
    public long size() {
        return cache.estimatedSize();
    }
}
