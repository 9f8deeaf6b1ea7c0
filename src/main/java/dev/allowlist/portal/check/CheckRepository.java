package dev.allowlist.portal.check;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every query of check tokens, check reports and reconciliations. JPQL is scoped by Hibernate's tenant
 * filter; the native queries name their partner, except the token lookup: a check script names no
 * partner, its token does, found through {@code portal_check_token_by_hash}.
 */
@ApplicationScoped
class CheckRepository {

    /** What a check token names. */
    record TokenRef(long tokenId, String partnerId, long customerId) {
    }

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    Optional<CheckToken> token(long customerId, long tokenId) {
        return em.createQuery("from CheckToken where id = ?1 and customerId = ?2", CheckToken.class)
                .setParameter(1, tokenId).setParameter(2, customerId).getResultStream().findFirst();
    }

    List<CheckToken> tokens(long customerId) {
        return em.createQuery("from CheckToken where customerId = ?1 order by id desc", CheckToken.class)
                .setParameter(1, customerId).getResultList();
    }

    /** The token a script's token hash names, whichever partner's it is (the deliberate cross-tenant path). */
    Optional<TokenRef> tokenByHash(String tokenHash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT token_id, partner_id, customer_id FROM portal_check_token_by_hash(?)")) {
            st.setString(1, tokenHash);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new TokenRef(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A report came with this token: one more, and when. */
    void countReport(long tokenId, OffsetDateTime at) {
        em.createQuery("update CheckToken t set t.reportCount = t.reportCount + 1, t.lastReportAt = ?1 where t.id = ?2")
                .setParameter(1, at).setParameter(2, tokenId).executeUpdate();
    }

    Optional<CheckRun> latestRun(long customerId) {
        return runs(customerId, 1).stream().findFirst();
    }

    List<CheckRun> runs(long customerId, int max) {
        return em.createQuery("from CheckRun where customerId = ?1 order by id desc", CheckRun.class)
                .setParameter(1, customerId).setMaxResults(max).getResultList();
    }

    Optional<ReconciliationRecord> lastReconciliation(long customerId) {
        return em.createQuery("from ReconciliationRecord where customerId = ?1 order by id desc",
                ReconciliationRecord.class).setParameter(1, customerId).setMaxResults(1).getResultStream().findFirst();
    }

    /** The partner's customers whose last check failed or whose last reconciliation missed entries. */
    List<CheckService.Attention> attention(String partnerId) {
        List<CheckService.Attention> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("""
                        WITH candidate AS (SELECT customer_id FROM check_report WHERE partner_id = ? AND failed > 0
                                           UNION
                                           SELECT customer_id FROM reconciliation WHERE partner_id = ? AND missing > 0)
                        SELECT c.id, c.name, r.received_at, coalesce(r.failed, 0), x.created_at, coalesce(x.missing, 0)
                          FROM candidate k
                          JOIN customer c ON c.partner_id = ? AND c.id = k.customer_id
                          LEFT JOIN LATERAL (SELECT received_at, failed FROM check_report r
                                              WHERE r.partner_id = c.partner_id AND r.customer_id = c.id
                                              ORDER BY r.id DESC LIMIT 1) r ON true
                          LEFT JOIN LATERAL (SELECT created_at, missing FROM reconciliation x
                                              WHERE x.partner_id = c.partner_id AND x.customer_id = c.id
                                              ORDER BY x.id DESC LIMIT 1) x ON true
                         WHERE r.failed > 0 OR x.missing > 0
                         ORDER BY greatest(r.received_at, x.created_at) DESC LIMIT 50""")) {
            for (int i = 1; i <= 3; i++) {
                st.setString(i, partnerId);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(new CheckService.Attention(rs.getLong(1), rs.getString(2), time(rs, 3), rs.getInt(4),
                            time(rs, 5), rs.getInt(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
