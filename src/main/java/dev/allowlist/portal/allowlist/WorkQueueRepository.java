package dev.allowlist.portal.allowlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The work queue's queries, on {@code allowlist_state} (kept by triggers, V20) and the tables it points
 * to. Native SQL naming its partner, like the customer list; row-level security holds it too.
 */
@ApplicationScoped
public class WorkQueueRepository {

    public static final String COUNTS_SQL = "SELECT (SELECT count(*) FROM customer c WHERE c.partner_id = ?1), "
            + "count(*) FILTER (WHERE s.pending_since IS NOT NULL), "
            + "count(*) FILTER (WHERE s.pending_since IS NOT NULL AND s.applied = 0), "
            + "count(*) FILTER (WHERE s.pending_since IS NULL), count(*) FILTER (WHERE s.warnings), "
            // the catalog banner: newest and unapplied versions that a publication of the last 14 days made
            + "count(*) FILTER (WHERE s.pending_since IS NOT NULL AND s.newest_cause = 'catalog-published' "
            + "AND s.changed_at > now() - interval '14 days'), min(s.changed_at) FILTER (WHERE s.pending_since IS NOT NULL "
            + "AND s.newest_cause = 'catalog-published' AND s.changed_at > now() - interval '14 days') "
            + "FROM allowlist_state s WHERE s.partner_id = ?1";

    public static final String WAITING_SQL = "SELECT s.customer_id, c.name, s.applied, s.newest, s.pending_since, "
            + "s.pending_cause FROM allowlist_state s JOIN customer c ON c.partner_id = s.partner_id AND c.id = s.customer_id "
            + "WHERE s.partner_id = ?1 AND s.pending_since IS NOT NULL ORDER BY s.pending_since, s.customer_id LIMIT ?2";

    public static final String DAYS_SQL = "WITH days AS (SELECT d::date AS day FROM generate_series("
            + "current_date - (?2 - 1), current_date, interval '1 day') d), "
            + "episodes AS (SELECT v.customer_id, min(v.created_at) AS since, e.until FROM allowlist_version v "
            + "CROSS JOIN LATERAL (SELECT min(a.applied_at) AS until FROM applied_version a WHERE a.partner_id = v.partner_id "
            + "AND a.customer_id = v.customer_id AND a.number >= v.number AND a.applied_at >= v.created_at) e "
            + "WHERE v.partner_id = ?1 GROUP BY v.customer_id, e.until "
            + "HAVING e.until IS NULL OR e.until >= current_date - (?2 - 1)) "
            + "SELECT d.day, count(DISTINCT s.customer_id) FROM days d LEFT JOIN episodes s "
            + "ON s.since < d.day + 1 AND (s.until IS NULL OR s.until >= d.day + 1) GROUP BY d.day ORDER BY d.day";

    @Inject
    EntityManager em;

    WorkQueue.Counts counts(String partner) {
        Object[] r = (Object[]) em.createNativeQuery(COUNTS_SQL).setParameter(1, partner).getSingleResult();
        return new WorkQueue.Counts(n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]),
                n(r[5]) == 0 ? null : new WorkQueue.CatalogNews(n(r[5]), time(r[6])));
    }

    /** The customers that wait longest, oldest first. */
    @SuppressWarnings("unchecked")
    List<WorkQueue.WaitingRow> waiting(String partner, int limit) {
        List<Object[]> rows = em.createNativeQuery(WAITING_SQL).setParameter(1, partner).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new WorkQueue.WaitingRow(n(r[0]), (String) r[1], (int) n(r[2]), (int) n(r[3]), time(r[4]),
                (String) r[5])).toList();
    }

    @SuppressWarnings("unchecked")
    List<WorkQueue.Warned> warned(String partner, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT s.customer_id, c.name, s.newest, s.changed_at FROM allowlist_state s "
                + "JOIN customer c ON c.partner_id = s.partner_id AND c.id = s.customer_id "
                + "WHERE s.partner_id = ?1 AND s.warnings ORDER BY s.changed_at DESC, s.customer_id LIMIT ?2")
                .setParameter(1, partner).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new WorkQueue.Warned(n(r[0]), (String) r[1], (int) n(r[2]), time(r[3]))).toList();
    }

    /**
     * Feeds not pulled for more than twice their usual interval (the time since creation over the pulls),
     * and at least an hour; feeds pulled fewer than three times have no usual interval yet.
     */
    @SuppressWarnings("unchecked")
    List<WorkQueue.SilentFeed> silentFeeds(String partner, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT f.customer_id, c.name, f.id, f.format, f.last_pulled_at, "
                + "extract(epoch FROM (f.last_pulled_at - f.created_at)) / 60 / f.pull_count FROM feed f "
                + "JOIN customer c ON c.partner_id = f.partner_id AND c.id = f.customer_id "
                + "WHERE f.partner_id = ?1 AND f.revoked_at IS NULL AND f.pull_count >= 3 "
                + "AND now() - f.last_pulled_at > greatest(interval '1 hour', 2 * (f.last_pulled_at - f.created_at) / f.pull_count) "
                + "ORDER BY f.last_pulled_at, f.id LIMIT ?2").setParameter(1, partner).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new WorkQueue.SilentFeed(n(r[0]), (String) r[1], n(r[2]), (String) r[3], time(r[4]),
                Math.max(1, Math.round(((Number) r[5]).doubleValue())))).toList();
    }

    @SuppressWarnings("unchecked")
    List<WorkQueue.Upload> uploads(String partner) {
        List<Object[]> rows = em.createNativeQuery("SELECT u.customer_id, c.name, u.id, u.file_name, u.hosts_added, "
                + "u.last_uploaded_at, u.uploaded_by FROM installer_log_upload u "
                + "JOIN customer c ON c.partner_id = u.partner_id AND c.id = u.customer_id "
                + "WHERE u.partner_id = ?1 AND u.last_uploaded_at > now() - interval '14 days' "
                + "ORDER BY u.last_uploaded_at DESC, u.id DESC LIMIT 5").setParameter(1, partner).getResultList();
        return rows.stream().map(r -> new WorkQueue.Upload(n(r[0]), (String) r[1], n(r[2]), (String) r[3], (int) n(r[4]),
                time(r[5]), (String) r[6])).toList();
    }

    /**
     * How many customers waited at the end of each of the last {@code count} days (UTC). A customer waits
     * in episodes: from the first version after an applied mark until a mark of that version or a newer
     * one. Each version finds the mark that ends its wait (one index lookup); the versions of one episode
     * share it, so grouping by it gives the episodes, and only those that reach into the period count.
     */
    @SuppressWarnings("unchecked")
    List<WorkQueue.Day> days(String partner, int count) {
        List<Object[]> rows = em.createNativeQuery(DAYS_SQL).setParameter(1, partner).setParameter(2, count).getResultList();
        return rows.stream().map(r -> new WorkQueue.Day(r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0],
                n(r[1]))).toList();
    }

    static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static OffsetDateTime time(Object value) {
        return value == null ? null : value instanceof OffsetDateTime o ? o : ((Instant) value).atOffset(ZoneOffset.UTC);
    }
}
