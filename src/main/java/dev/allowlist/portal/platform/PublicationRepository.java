package dev.allowlist.portal.platform;

import dev.allowlist.portal.SqlArrays;
import dev.allowlist.portal.allowlist.AllowlistRepository;
import dev.allowlist.portal.allowlist.core.CustomerProfile;
import dev.allowlist.portal.catalog.CatalogPublication;
import dev.allowlist.portal.partner.TenantConnections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queries of catalog publication: its runs (and their leases), and the platform's reads across
 * partners. Those are the platform's work on purpose; they go partner by partner (row-level security
 * shows one at a time) or through the database's own functions ({@code portal_customer_count},
 * {@code portal_customers_after}).
 */
@ApplicationScoped
class PublicationRepository {

    /** A customer as a candidate catalog would see it, with its newest version's hash, number and entries. */
    record ProfileRow(String partnerId, long customerId, CustomerProfile profile, List<String> hosts, String latestHash,
            int latestNumber, String latestEntries) {
    }

    /** Handles one customer of the platform's walk; may fail with what the handler reads. */
    interface ProfileHandler {
        void handle(ProfileRow row) throws Exception;
    }

    /** The next customers after a cursor, all of one partner. */
    record Batch(String partnerId, List<Long> customerIds) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    private static final String PROFILES_SQL = """
            SELECT c.partner_id, c.id, c.regions, c.wildcard_support, c.uses_active_directory, c.tls_inspection,
                   c.application_filtering, c.narrow_hydra,
                   (SELECT array_agg(l.license) FROM customer_license l WHERE l.partner_id = c.partner_id AND l.customer_id = c.id) AS licenses,
                   (SELECT array_agg(h.value ORDER BY h.value) FROM mcs_host h WHERE h.partner_id = c.partner_id AND h.customer_id = c.id) AS hosts,
                   v.content_hash AS latest_hash, v.number AS latest_number, v.entries AS latest_entries
            FROM customer c
            LEFT JOIN LATERAL (SELECT content_hash, number, entries FROM allowlist_version av
                               WHERE av.partner_id = c.partner_id AND av.customer_id = c.id
                               ORDER BY number DESC LIMIT 1) v ON true
            WHERE c.partner_id = ?
            ORDER BY c.id
            """;

    /**
     * Every customer of every partner, partner by partner on one connection (row-level security shows
     * one partner at a time), streamed: the platform's view for a publication's preview.
     */
    void eachProfile(ProfileHandler handler) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            List<String> partnerIds = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM partner ORDER BY id"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    partnerIds.add(rs.getString(1));
                }
            }
            for (String partnerId : partnerIds) {
                TenantConnections.set(c, partnerId, false);
                try (PreparedStatement st = c.prepareStatement(PROFILES_SQL)) {
                    st.setString(1, partnerId);
                    st.setFetchSize(1000);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            handler.handle(new ProfileRow(rs.getString("partner_id"), rs.getLong("id"),
                                    AllowlistRepository.profile(rs), SqlArrays.strings(rs.getArray("hosts")),
                                    rs.getString("latest_hash"), rs.getInt("latest_number"), rs.getString("latest_entries")));
                        }
                    }
                }
            }
        }
    }

    /** How many customers all partners have (a database function: the platform's count across tenants). */
    int customerCount() {
        return ((Number) em.createNativeQuery("SELECT portal_customer_count()").getSingleResult()).intValue();
    }

    /** Gives this instance every running publication whose lease ran out, in one UPDATE; their ids. */
    List<Long> takeOver(String instance, double leaseSeconds) throws SQLException {
        List<Long> taken = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE catalog_publication SET owner = ?, lease_until = now() + make_interval(secs => ?) "
                        + "WHERE status = 'RUNNING' AND (lease_until IS NULL OR lease_until < now()) RETURNING id, owner")) {
            st.setString(1, instance);
            st.setDouble(2, leaseSeconds);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getLong(1));
                }
            }
        }
        return taken;
    }

    /** Ends the leases of this instance's running publications now. */
    void giveUp(String instance) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE catalog_publication SET lease_until = now() - interval '1 second' WHERE owner = ? AND status = 'RUNNING'")) {
            st.setString(1, instance);
            st.executeUpdate();
        }
    }

    /** The next customers after the cursor, all of one partner (a tenant per transaction); empty when through. */
    Optional<Batch> nextBatch(String lastPartner, long lastCustomerId, int size) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT partner_id, customer_id FROM portal_customers_after(?, ?, ?)")) {
            st.setString(1, lastPartner);
            st.setLong(2, lastCustomerId);
            st.setInt(3, size);
            String partner = null;
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (partner == null) {
                        partner = rs.getString(1);
                    } else if (!partner.equals(rs.getString(1))) {
                        break;
                    }
                    ids.add(rs.getLong(2));
                }
            }
            return partner == null ? Optional.empty() : Optional.of(new Batch(partner, ids));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many customers of a partner got a version from this catalog since the run started. */
    int changedCustomers(String partnerId, String catalogVersion, OffsetDateTime since) {
        return ((Number) em.createNativeQuery("SELECT count(DISTINCT customer_id) FROM allowlist_version "
                + "WHERE partner_id = ?1 AND cause = 'catalog-published' AND catalog_version = ?2 AND created_at >= ?3")
                .setParameter(1, partnerId).setParameter(2, catalogVersion).setParameter(3, since).getSingleResult())
                .intValue();
    }

    Optional<CatalogPublication> find(long id) {
        return CatalogPublication.findByIdOptional(id);
    }

    /** The run's row, locked for the transaction. */
    CatalogPublication locked(long id) {
        return em.find(CatalogPublication.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    List<CatalogPublication> newestFirst() {
        return CatalogPublication.listAll(Sort.descending("id"));
    }
}
