package dev.allowlist.portal.allowlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.SqlArrays;
import dev.allowlist.portal.allowlist.core.CustomerProfile;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerLicense;
import dev.allowlist.portal.customer.McsHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The queries of allowlist versions, applied versions and snapshots: JPQL scoped by Hibernate's
 * tenant filter, and the native statements of the hot paths (a snapshot in one round trip, the
 * publisher's batches), each naming its partner.
 */
@ApplicationScoped
public class AllowlistRepository {

    /** What a version says of itself, without its content. */
    record Header(int number, String cause, String causeDetail, String actor, OffsetDateTime createdAt) {
    }

    /** A customer whose versions in a period run from {@code first} to {@code last}. */
    record Changed(long customerId, int first, int last) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Every version of a customer, newest first, without content. */
    List<Header> headers(long customerId) {
        return em.createQuery("select v.number, v.cause, v.causeDetail, v.actor, v.createdAt from AllowlistVersion v "
                + "where v.customerId = ?1 order by v.number desc", Object[].class).setParameter(1, customerId)
                .getResultList().stream()
                .map(r -> new Header((Integer) r[0], (String) r[1], (String) r[2], (String) r[3], (OffsetDateTime) r[4])).toList();
    }

    /** The stored entries (JSON) of two versions of a customer, by number. */
    Map<Integer, String> contents(long customerId, int one, int other) {
        Map<Integer, String> contents = new HashMap<>();
        em.createQuery("select v.number, v.entries from AllowlistVersion v where v.customerId = ?1 and v.number in (?2, ?3)",
                Object[].class).setParameter(1, customerId).setParameter(2, one).setParameter(3, other).getResultList()
                .forEach(row -> contents.put((Integer) row[0], (String) row[1]));
        return contents;
    }

    /** The version last marked applied, 0 when none. */
    int applied(long customerId) {
        return em.createQuery("select a.number from AppliedVersion a where a.customerId = ?1 order by a.id desc",
                Integer.class).setParameter(1, customerId).setMaxResults(1).getResultStream().findFirst().orElse(0);
    }

    /** The customers with versions made in [start, end), with the first and last of them. */
    List<Changed> changedBetween(OffsetDateTime start, OffsetDateTime end) {
        return em.createQuery("select v.customerId, min(v.number), max(v.number) from AllowlistVersion v "
                + "where v.createdAt >= :start and v.createdAt < :end group by v.customerId order by v.customerId",
                Object[].class).setParameter("start", start).setParameter("end", end).getResultList().stream()
                .map(r -> new Changed((Long) r[0], (Integer) r[1], (Integer) r[2])).toList();
    }

    /** The newest version of each of these customers; customers without one are absent. */
    Map<Long, AllowlistVersions.Latest> latest(List<Long> customerIds) {
        Map<Long, AllowlistVersions.Latest> latest = new HashMap<>();
        if (customerIds.isEmpty()) {
            return latest;
        }
        em.createQuery("select v.customerId, v.number, v.contentHash from AllowlistVersion v where v.customerId in :ids "
                + "and v.number = (select max(w.number) from AllowlistVersion w where w.customerId = v.customerId)",
                Object[].class).setParameter("ids", customerIds).getResultList()
                .forEach(row -> latest.put((Long) row[0], new AllowlistVersions.Latest((Integer) row[1], (String) row[2])));
        return latest;
    }

    /** The newest version's number (0 before the first), without loading its content. */
    int latestNumber(long customerId) {
        return em.createQuery("select v.number from AllowlistVersion v where v.customerId = ?1 order by v.number desc",
                Integer.class).setParameter(1, customerId).setMaxResults(1).getResultStream().findFirst().orElse(0);
    }

    List<AllowlistVersion> all(long customerId) {
        return em.createQuery("from AllowlistVersion where customerId = ?1 order by number desc", AllowlistVersion.class)
                .setParameter(1, customerId).getResultList();
    }

    /** A customer's snapshot as one row: the customer (detached, with licenses and hosts) and its versions and feeds. */
    record SnapshotRow(Customer customer, int version, OffsetDateTime versionAt, int applied, Map<Long, String> feeds) {
    }

    /**
     * Everything a snapshot is made of, in one round trip (a miss is what a firewall polling for the
     * first time, or after a change, waits for). Native SQL, so it names the partner itself.
     */
    public static final String SNAPSHOT_SQL = """
            SELECT c.id, c.partner_id, c.name, c.external_reference, c.notes, c.regions, c.wildcard_support,
                   c.uses_active_directory, c.tls_inspection, c.application_filtering, c.narrow_hydra, c.firewall_product, c.version,
                   c.created_at, c.updated_at, c.central_tenant_id,
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

    /** One customer's snapshot row, of the given partner (the statement names it: native SQL). */
    Optional<SnapshotRow> snapshotRow(String partnerId, long customerId) {
        return Optional.ofNullable(em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement(SNAPSHOT_SQL)) {
                st.setString(1, partnerId);
                st.setLong(2, customerId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? row(rs) : null;
                }
            }
        }));
    }

    /** The customer as a detached entity (read-only: the snapshot is shared), with licenses and hosts. */
    private SnapshotRow row(ResultSet rs) throws SQLException {
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
        c.centralTenantId = rs.getString("central_tenant_id");
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
        return new SnapshotRow(c, latest, latestAt, applied, feeds);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    /**
     * These customers of the connection's partner (row-level security), in id order, with their
     * profiles, observed hosts and newest versions: one query for a batch.
     */
    private static final String CANDIDATES_SQL = """
            SELECT c.id, c.partner_id, c.name, c.regions, c.wildcard_support, c.uses_active_directory, c.tls_inspection,
                   c.application_filtering, c.narrow_hydra,
                   (SELECT array_agg(l.license) FROM customer_license l WHERE l.partner_id = c.partner_id AND l.customer_id = c.id) AS licenses,
                   (SELECT array_agg(h.value ORDER BY h.value) FROM mcs_host h WHERE h.partner_id = c.partner_id AND h.customer_id = c.id) AS hosts,
                   v.number AS latest_number, v.content_hash AS latest_hash
            FROM customer c
            LEFT JOIN LATERAL (SELECT number, content_hash FROM allowlist_version av
                               WHERE av.partner_id = c.partner_id AND av.customer_id = c.id
                               ORDER BY number DESC LIMIT 1) v ON true
            WHERE c.partner_id = ? AND c.id = ANY (?)
            ORDER BY c.id
            """;

    private static final String INSERT_SQL = "INSERT INTO allowlist_version (partner_id, customer_id, number, content_hash, "
            + "catalog_version, entries, warnings, cause, actor, created_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int ROWS_PER_INSERT = 1000;

    /** The customers of one partner, read for {@link #recordChanged} in one query. */
    List<AllowlistVersions.Candidate> candidates(String partnerId, List<Long> customerIds) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<AllowlistVersions.Candidate> found = new ArrayList<>(customerIds.size());
            try (PreparedStatement st = c.prepareStatement(CANDIDATES_SQL)) {
                st.setString(1, partnerId);
                st.setArray(2, c.createArrayOf("bigint", customerIds.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        CustomerProfile profile = profile(rs);
                        int number = rs.getInt("latest_number");
                        AllowlistVersions.Latest latest = rs.wasNull() ? null : new AllowlistVersions.Latest(number, rs.getString("latest_hash"));
                        found.add(new AllowlistVersions.Candidate(rs.getLong("id"), rs.getString("partner_id"), rs.getString("name"), profile,
                                SqlArrays.strings(rs.getArray("hosts")), latest));
                    }
                }
            }
            return found;
        });
    }

    /** A version to store as it is: the publisher's batch path, where content and numbers are already known. */
    record NewVersion(String partnerId, long customerId, int number, String contentHash, String catalogVersion,
            String entries, String warnings, String cause, String actor, OffsetDateTime createdAt) {
    }

    /**
     * Stores versions in one multi-row insert in the caller's transaction (each names its partner): one
     * executor run and one firing of the statement triggers (V25) for the batch, not one per row.
     */
    void insertVersions(List<NewVersion> versions) {
        // a statement carries at most 32,767 parameters (pgjdbc): 1,000 rows of 10 each per statement
        for (int from = 0; from < versions.size(); from += ROWS_PER_INSERT) {
            insert(versions.subList(from, Math.min(versions.size(), from + ROWS_PER_INSERT)));
        }
    }

    private void insert(List<NewVersion> versions) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement(INSERT_SQL + String.join(", ", Collections.nCopies(versions.size(), ROW)))) {
                int i = 0;
                for (NewVersion v : versions) {
                    st.setString(++i, v.partnerId());
                    st.setLong(++i, v.customerId());
                    st.setInt(++i, v.number());
                    st.setString(++i, v.contentHash());
                    st.setString(++i, v.catalogVersion());
                    st.setString(++i, v.entries());
                    st.setString(++i, v.warnings());
                    st.setString(++i, v.cause());
                    st.setString(++i, v.actor());
                    st.setObject(++i, v.createdAt());
                }
                st.executeUpdate();
            }
        });
    }

    /**
     * A profile from a row that has the customer's columns ({@code regions}, {@code wildcard_support},
     * {@code uses_active_directory}, {@code tls_inspection}, {@code application_filtering},
     * {@code narrow_hydra}) and its licenses as an array ({@code licenses}), as the publisher's queries read it.
     */
    public static CustomerProfile profile(ResultSet rs) throws SQLException {
        EnumSet<License> licenses =
                EnumSet.of(License.CENTRAL);
        for (String l : SqlArrays.strings(rs.getArray("licenses"))) {
            License parsed = License.parse(l);
            if (parsed != null) {
                licenses.add(parsed);
            }
        }
        return new CustomerProfile(licenses, SqlArrays.strings(rs.getArray("regions")), rs.getBoolean("wildcard_support"),
                rs.getBoolean("uses_active_directory"), rs.getBoolean("tls_inspection"),
                rs.getBoolean("application_filtering"), rs.getBoolean("narrow_hydra"));
    }
}
