package dev.allowlist.portal.allowlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries of allowlist versions and applied versions (JPQL, scoped by Hibernate's tenant filter).
 * The snapshot load ({@link CurrentAllowlists}) and the publisher's batches ({@link AllowlistVersions})
 * still hold their own JDBC statements.
 */
@ApplicationScoped
class AllowlistRepository {

    /** What a version says of itself, without its content. */
    record Header(int number, String cause, String actor, OffsetDateTime createdAt) {
    }

    /** A customer whose versions in a period run from {@code first} to {@code last}. */
    record Changed(long customerId, int first, int last) {
    }

    @Inject
    EntityManager em;

    /** Every version of a customer, newest first, without content. */
    List<Header> headers(long customerId) {
        return em.createQuery("select v.number, v.cause, v.actor, v.createdAt from AllowlistVersion v "
                + "where v.customerId = ?1 order by v.number desc", Object[].class).setParameter(1, customerId)
                .getResultList().stream()
                .map(r -> new Header((Integer) r[0], (String) r[1], (String) r[2], (OffsetDateTime) r[3])).toList();
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
}
