package dev.allowlist.portal.central;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every query of the Sophos Central integration: the partner's connection, its tenants, and the due list. */
@ApplicationScoped
class CentralRepository {

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    Optional<CentralConnection> connection() {
        return em.createQuery("from CentralConnection", CentralConnection.class).getResultStream().findFirst();
    }

    /** The connection, its row locked until the transaction ends (connect, settings, a run's bookkeeping). */
    Optional<CentralConnection> connectionForChange() {
        return em.createQuery("from CentralConnection", CentralConnection.class).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /**
     * Takes the partner's run for this instance when no other holds it: one UPDATE, so that of two
     * instances (or two clicks) exactly one wins. True when this one did.
     */
    boolean claim(String owner, Duration lease) {
        OffsetDateTime now = OffsetDateTime.now();
        return em.createQuery("update CentralConnection set leaseOwner = ?1, leaseUntil = ?2 "
                + "where leaseUntil is null or leaseUntil < ?3 or leaseOwner = ?1")
                .setParameter(1, owner).setParameter(2, now.plus(lease)).setParameter(3, now).executeUpdate() == 1;
    }

    void release(String owner) {
        em.createQuery("update CentralConnection set leaseOwner = null, leaseUntil = null where leaseOwner = ?1")
                .setParameter(1, owner).executeUpdate();
    }

    List<CentralTenant> tenants() {
        return em.createQuery("from CentralTenant order by lower(name), tenantId", CentralTenant.class).getResultList();
    }

    /** The tenants still in Sophos Central, and those flagged gone, counted (the page refreshes during a run). */
    long[] countTenants() {
        Object[] r = em.createQuery("select count(*) filter (where removedAt is null), "
                + "count(*) filter (where removedAt is not null) from CentralTenant", Object[].class).getSingleResult();
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
    }

    Optional<CentralTenant> tenant(String tenantId) {
        return em.createQuery("from CentralTenant where tenantId = ?1", CentralTenant.class).setParameter(1, tenantId)
                .getResultStream().findFirst();
    }

    /** Flags the tenants a complete run did not see; a tenant seen again is no longer flagged. */
    int flagRemoved(int run, OffsetDateTime now) {
        em.createQuery("update CentralTenant set removedAt = null where seenRun = ?1 and removedAt is not null")
                .setParameter(1, run).executeUpdate();
        return em.createQuery("update CentralTenant set removedAt = ?2 where seenRun < ?1 and removedAt is null")
                .setParameter(1, run).setParameter(2, now).executeUpdate();
    }

    int countReadErrors(int run) {
        return ((Number) em.createQuery("select count(*) from CentralTenant where seenRun = ?1 and readError is not null")
                .setParameter(1, run).getSingleResult()).intValue();
    }

    int countSeen(int run) {
        return ((Number) em.createQuery("select count(*) from CentralTenant where seenRun = ?1")
                .setParameter(1, run).getSingleResult()).intValue();
    }

    void forgetAll() {
        em.createQuery("delete from CentralTenant").executeUpdate();
        em.createQuery("delete from CentralConnection").executeUpdate();
    }

    /** The partners whose connection is due a scheduled run (through {@code portal_central_due}, across partners). */
    List<String> due(Duration every) throws SQLException {
        List<String> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT partner_id FROM portal_central_due(make_interval(secs => ?))")) {
            st.setDouble(1, every.toMillis() / 1000.0);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                }
            }
        }
        return due;
    }
}
