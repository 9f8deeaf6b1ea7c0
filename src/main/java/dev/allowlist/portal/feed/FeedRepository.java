package dev.allowlist.portal.feed;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Every query of feeds and their deliveries. Each names its partner ({@code partner_id = ?}) except the
 * token lookup, which cannot: a firewall's pull names no partner, the feed does. That one goes through
 * the database function made for it, {@code portal_feed_by_token_hash}, which returns that one feed.
 */
@ApplicationScoped
public class FeedRepository {

    /** What a token names; facts that never change for a feed (revocation is checked on the snapshot). */
    record FeedRef(long feedId, String partnerId, long customerId, String format) {
    }

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    /** A customer's feeds, newest first. Native SQL naming the partner: no query translation per call. */
    @SuppressWarnings("unchecked")
    List<FeedView> ofCustomer(String partnerId, long customerId) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, format, created_at, created_by, revoked_at, "
                + "last_pulled_at, pull_count, last_client FROM feed WHERE partner_id = ?1 AND customer_id = ?2 "
                + "ORDER BY id DESC").setParameter(1, partnerId).setParameter(2, customerId).getResultList();
        return rows.stream().map(r -> new FeedView(((Number) r[0]).longValue(), (String) r[1], time(r[2]), (String) r[3],
                time(r[4]), time(r[5]), ((Number) r[6]).longValue(), (String) r[7])).toList();
    }

    Optional<Feed> find(long customerId, long feedId) {
        return em.createQuery("from Feed where id = ?1 and customerId = ?2", Feed.class).setParameter(1, feedId)
                .setParameter(2, customerId).getResultStream().findFirst();
    }

    /** The feed a token's hash names, whichever partner's it is (the deliberate cross-tenant path). */
    Optional<FeedRef> byTokenHash(String tokenHash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT feed_id, partner_id, customer_id, format FROM portal_feed_by_token_hash(?)")) {
            st.setString(1, tokenHash);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new FeedRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A delivery's row, on the group commit's connection (its partner set); true when it is new, so that
     * its audit event is written once however many pulls race for it.
     */
    static boolean claimDelivery(Connection c, String partnerId, long feedId, String etag, String client, int version)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO feed_delivery (partner_id, feed_id, etag, client, "
                + "version, delivered_at) VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
            st.setString(1, partnerId);
            st.setLong(2, feedId);
            st.setString(3, etag);
            st.setString(4, client);
            st.setInt(5, version);
            return st.executeUpdate() == 1;
        }
    }

    /** The statement that adds a feed's pull counts (batched by the caller, partner by partner). */
    static PreparedStatement addCounts(Connection c) throws SQLException {
        return c.prepareStatement("UPDATE feed SET pull_count = pull_count + ?, not_modified_count = "
                + "not_modified_count + ?, last_pulled_at = GREATEST(COALESCE(last_pulled_at, ?), ?), last_client = ? "
                + "WHERE partner_id = ? AND id = ?");
    }

    private static OffsetDateTime time(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
