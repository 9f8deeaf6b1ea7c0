package dev.allowlist.portal.notify;

import io.agroal.api.AgroalDataSource;
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
 * Every query of subscriptions, digests, announcements and the outbox. JPQL is scoped by Hibernate's
 * tenant filter; native statements name their partner, except the unsubscribe lookup: a mail's link
 * names no partner, its token does, found through {@code portal_subscription_by_unsubscribe_hash}.
 */
@ApplicationScoped
class NotificationRepository {

    /** What an unsubscribe token names. */
    record Unsubscribing(long subscriptionId, String partnerId) {
    }

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Up to 50 outbox messages due now, of every partner (through {@code portal_outbox_due}: the worker
     * acts for each message's partner only once it knows it).
     */
    List<DeliveryWorker.Due> due() throws SQLException {
        List<DeliveryWorker.Due> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT outbox_id, partner_id FROM portal_outbox_due(50)");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                due.add(new DeliveryWorker.Due(rs.getLong(1), rs.getString(2)));
            }
        }
        return due;
    }

    /** A message still pending and due, locked for this instance alone (SKIP LOCKED: another one skips it). */
    Optional<OutboxMessage> lockDue(long id) {
        return em.createQuery("from OutboxMessage m where m.id = :id and m.status = 'pending' and m.nextAttemptAt <= :now",
                OutboxMessage.class).setParameter("id", id).setParameter("now", OffsetDateTime.now())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // -2: SKIP LOCKED
                .getResultStream().findFirst();
    }

    List<Subscription> subscriptions() {
        return em.createQuery("from Subscription order by id", Subscription.class).getResultList();
    }

    Optional<Subscription> subscription(long id) {
        return em.createQuery("from Subscription where id = ?1", Subscription.class).setParameter(1, id)
                .getResultStream().findFirst();
    }

    /**
     * The partner's disabled subscriptions, named by native SQL: every dashboard visit asks, and an HQL query
     * is translated again on each execution while the tenant filter is enabled (a tenth of the page's CPU).
     */
    @SuppressWarnings("unchecked")
    List<Subscription> disabled(String partnerId) {
        return em.createNativeQuery("SELECT * FROM subscription WHERE partner_id = ?1 AND NOT enabled ORDER BY id",
                Subscription.class).setParameter(1, partnerId).getResultList();
    }

    /** A partner's enabled subscriptions, the partner named (a list cached under one partner is that partner's). */
    List<Subscription> enabled(String partnerId) {
        return em.createQuery("from Subscription where partnerId = ?1 and enabled = true order by id",
                Subscription.class).setParameter(1, partnerId).getResultList();
    }

    List<DeliveryAttempt> latestAttempts(long subscriptionId, int max) {
        return em.createQuery("from DeliveryAttempt where subscriptionId = ?1 order by id desc", DeliveryAttempt.class)
                .setParameter(1, subscriptionId).setMaxResults(max).getResultList();
    }

    Optional<MemberDigest> digestOf(String subject) {
        return em.createQuery("from MemberDigest where subject = ?1", MemberDigest.class).setParameter(1, subject)
                .getResultStream().findFirst();
    }

    /** What an endpoint missed while it failed (the last 7 days) goes out again, in order; returns how many. */
    int requeueFailed(String partnerId, long subscriptionId) {
        return em.createNativeQuery("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now() "
                + "WHERE partner_id = ?1 AND subscription_id = ?2 AND status = 'failed' "
                + "AND created_at > now() - interval '7 days'").setParameter(1, partnerId).setParameter(2, subscriptionId)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    Optional<Unsubscribing> byUnsubscribeHash(String tokenHash) {
        List<Object[]> rows = em.createNativeQuery(
                "SELECT subscription_id, partner_id FROM portal_subscription_by_unsubscribe_hash(?1)")
                .setParameter(1, tokenHash).getResultList();
        return rows.stream().findFirst()
                .map(r -> new Unsubscribing(((Number) r[0]).longValue(), (String) r[1]));
    }

    /** Whether this subject has not been announced to this subscription yet (and now is). */
    boolean announceOnce(String partnerId, long subscriptionId, String subjectKey) {
        return em.createNativeQuery("INSERT INTO announcement (partner_id, subscription_id, subject_key, announced_at) "
                + "VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING").setParameter(1, partnerId)
                .setParameter(2, subscriptionId).setParameter(3, subjectKey).executeUpdate() == 1;
    }

    /** One message for one subscription, written only while the subscription is still there and enabled. */
    void enqueue(String partnerId, long subscriptionId, String webhookId, String type, String payload) {
        em.createNativeQuery("INSERT INTO outbox (partner_id, subscription_id, webhook_id, event_type, payload, created_at, "
                + "next_attempt_at, attempts, status) SELECT s.partner_id, s.id, ?1, ?2, ?3, now(), now(), 0, 'pending' "
                + "FROM subscription s WHERE s.partner_id = ?4 AND s.id = ?5 AND s.enabled")
                .setParameter(1, webhookId).setParameter(2, type).setParameter(3, payload)
                .setParameter(4, partnerId).setParameter(5, subscriptionId).executeUpdate();
    }

    /** A customer whose newest version has waited longer than the subscription allows. */
    record Pending(long customerId, String customerName, int version) {
    }

    /** A feed not pulled for longer than the subscription allows (since: its last pull, or its creation). */
    record StaleFeed(long feedId, long customerId, String customerName, String format, String since) {
    }

    /** How many versions a cause made, for how many customers (a digest's lines). */
    record CauseCount(String cause, long versions, long customers) {
    }

    @SuppressWarnings("unchecked")
    List<Pending> pendingLongerThan(String partnerId, Long customerId, int days) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.name, v.number FROM customer c
                  JOIN LATERAL (SELECT number, created_at FROM allowlist_version av
                                 WHERE av.partner_id = c.partner_id AND av.customer_id = c.id
                                 ORDER BY number DESC LIMIT 1) v ON true
                  LEFT JOIN LATERAL (SELECT number FROM applied_version ap
                                      WHERE ap.partner_id = c.partner_id AND ap.customer_id = c.id
                                      ORDER BY ap.id DESC LIMIT 1) a ON true
                 WHERE c.partner_id = ?1 AND (?2 IS NULL OR c.id = ?2) AND v.number > coalesce(a.number, 0)
                   AND v.created_at < now() - make_interval(days => ?3)""").setParameter(1, partnerId)
                .setParameter(2, customerId).setParameter(3, days).getResultList();
        return rows.stream().map(r -> new Pending(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    List<StaleFeed> feedsNotPulledFor(String partnerId, Long customerId, int hours) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT f.id, f.customer_id, c.name, f.format, coalesce(f.last_pulled_at, f.created_at) FROM feed f
                  JOIN customer c ON c.partner_id = f.partner_id AND c.id = f.customer_id
                 WHERE f.partner_id = ?1 AND f.revoked_at IS NULL AND (?2 IS NULL OR f.customer_id = ?2)
                   AND coalesce(f.last_pulled_at, f.created_at) < now() - make_interval(hours => ?3)""")
                .setParameter(1, partnerId).setParameter(2, customerId).setParameter(3, hours).getResultList();
        return rows.stream().map(r -> new StaleFeed(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], String.valueOf(r[4]))).toList();
    }

    List<MemberDigest> digests() {
        return em.createQuery("from MemberDigest order by id", MemberDigest.class).getResultList();
    }

    /** A member's digest, locked while it is rendered (another instance skips it meanwhile). */
    Optional<MemberDigest> lockDigest(long id) {
        return Optional.ofNullable(em.find(MemberDigest.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @SuppressWarnings("unchecked")
    List<CauseCount> versionsByCauseSince(String partnerId, OffsetDateTime since) {
        List<Object[]> rows = em.createNativeQuery("SELECT cause, count(*), count(DISTINCT customer_id) "
                + "FROM allowlist_version WHERE partner_id = ?1 AND created_at > ?2 GROUP BY cause ORDER BY cause")
                .setParameter(1, partnerId).setParameter(2, since).getResultList();
        return rows.stream().map(r -> new CauseCount((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue())).toList();
    }

    /** How many of the partner's customers have a newer version than the one applied. */
    long pendingCustomers(String partnerId) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM customer c
                  JOIN LATERAL (SELECT max(number) AS n FROM allowlist_version av
                                 WHERE av.partner_id = c.partner_id AND av.customer_id = c.id) v ON true
                  LEFT JOIN LATERAL (SELECT number FROM applied_version ap WHERE ap.partner_id = c.partner_id
                                      AND ap.customer_id = c.id ORDER BY ap.id DESC LIMIT 1) a ON true
                 WHERE c.partner_id = ?1 AND v.n > coalesce(a.number, 0)""").setParameter(1, partnerId)
                .getSingleResult()).longValue();
    }

    /** The partners with a digest to look at (portal_partners_with_digests, across partners). */
    @SuppressWarnings("unchecked")
    List<String> partnersWithDigests() {
        return em.createNativeQuery("SELECT * FROM portal_partners_with_digests()").getResultList();
    }
}
