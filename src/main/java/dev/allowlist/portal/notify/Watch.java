package dev.allowlist.portal.notify;

import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.Partner;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.partner.Role;
import dev.allowlist.portal.system.I18n;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What the portal notices by looking, not by a change: changes not applied after a subscription's
 * days, feeds not pulled for its hours (each announced once per condition), and members' daily or
 * weekly digests. Each runs partner by partner, acting for that partner, so the tenant's walls hold.
 * Several instances may run them: the announcement table and a digest's last-sent time (updated
 * before it is sent, under a row lock) keep each from being sent twice.
 */
@ApplicationScoped
public class Watch {

    private static final Logger LOG = Logger.getLogger(Watch.class);

    @Inject
    EntityManager em;

    @Inject
    NotificationService notifications;

    @Inject
    PortalConfig config;

    @Inject
    Mailer mailer;

    @Inject
    Mails mails;

    @Scheduled(every = "${portal.notifications.scan}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "30s")
    void scan() {
        for (String partner : partners()) {
            asPartner(partner, () -> QuarkusTransaction.requiringNew().run(this::scanPartner));
        }
    }

    @Scheduled(every = "${portal.notifications.digest-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "60s")
    void digests() {
        sendDueDigests();
    }

    /** Every partner's members whose digest is due get it now; returns how many were sent. */
    public int sendDueDigests() {
        int sent = 0;
        for (String partner : digestPartners()) {
            int[] count = { 0 };
            asPartner(partner, () -> count[0] = digestsOf(partner));
            sent += count[0];
        }
        return sent;
    }

    void scanPartner() {
        List<Subscription> subscriptions = notifications.subscriptions(
                Arc.container().instance(CurrentMember.class).get().tenantId());
        for (Subscription s : subscriptions) {
            if (s.pendingDays != null) {
                pending(s);
            }
            if (s.staleFeedHours != null) {
                staleFeeds(s);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void pending(Subscription s) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.name, v.number, v.created_at FROM customer c
                  JOIN LATERAL (SELECT number, created_at FROM allowlist_version av
                                 WHERE av.partner_id = c.partner_id AND av.customer_id = c.id
                                 ORDER BY number DESC LIMIT 1) v ON true
                  LEFT JOIN LATERAL (SELECT number FROM applied_version ap
                                      WHERE ap.partner_id = c.partner_id AND ap.customer_id = c.id
                                      ORDER BY ap.id DESC LIMIT 1) a ON true
                 WHERE c.partner_id = ?1 AND (?2 IS NULL OR c.id = ?2) AND v.number > coalesce(a.number, 0)
                   AND v.created_at < now() - make_interval(days => ?3)""").setParameter(1, s.partnerId)
                .setParameter(2, s.customerId).setParameter(3, s.pendingDays).getResultList();
        for (Object[] r : rows) {
            long customerId = ((Number) r[0]).longValue();
            int version = ((Number) r[2]).intValue();
            if (notifications.once(s, "pending:" + customerId + ":v" + version)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("partner", s.partnerId);
                data.put("customerId", customerId);
                data.put("customerName", r[1]);
                data.put("version", version);
                data.put("days", s.pendingDays);
                data.put("link", config.publicUrl() + "/customers/" + customerId + "/changes");
                notifications.enqueue(s, NotificationService.PENDING, data);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void staleFeeds(Subscription s) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT f.id, f.customer_id, c.name, f.format, coalesce(f.last_pulled_at, f.created_at) FROM feed f
                  JOIN customer c ON c.partner_id = f.partner_id AND c.id = f.customer_id
                 WHERE f.partner_id = ?1 AND f.revoked_at IS NULL AND (?2 IS NULL OR f.customer_id = ?2)
                   AND coalesce(f.last_pulled_at, f.created_at) < now() - make_interval(hours => ?3)""")
                .setParameter(1, s.partnerId).setParameter(2, s.customerId).setParameter(3, s.staleFeedHours).getResultList();
        for (Object[] r : rows) {
            long feedId = ((Number) r[0]).longValue();
            String since = String.valueOf(r[4]);
            if (notifications.once(s, "feed:" + feedId + ":" + since)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("partner", s.partnerId);
                data.put("feedId", feedId);
                data.put("customerId", ((Number) r[1]).longValue());
                data.put("customerName", r[2]);
                data.put("format", r[3]);
                data.put("hours", s.staleFeedHours);
                data.put("link", config.publicUrl() + "/customers/" + r[1] + "#exports");
                notifications.enqueue(s, NotificationService.STALE_FEED, data);
            }
        }
    }

    /** One partner's due digests: a summary of what changed since each member's last one. */
    @SuppressWarnings("unchecked")
    private int digestsOf(String partner) {
        int sent = 0;
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> MemberDigest.<MemberDigest>list("order by id").stream()
                .filter(d -> d.lastSentAt.plus(period(d.frequency)).isBefore(OffsetDateTime.now()))
                .map(d -> d.id).toList());
        for (long id : due) {
            Digest digest = QuarkusTransaction.requiringNew().call(() -> {
                MemberDigest d = em.find(MemberDigest.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (d == null || !d.lastSentAt.plus(period(d.frequency)).isBefore(OffsetDateTime.now())) {
                    return null;
                }
                OffsetDateTime since = d.lastSentAt;
                d.lastSentAt = OffsetDateTime.now();
                List<Object[]> causes = em.createNativeQuery("SELECT cause, count(*), count(DISTINCT customer_id) "
                        + "FROM allowlist_version WHERE partner_id = ?1 AND created_at > ?2 GROUP BY cause ORDER BY cause")
                        .setParameter(1, partner).setParameter(2, since).getResultList();
                Number pending = (Number) em.createNativeQuery("""
                        SELECT count(*) FROM customer c
                          JOIN LATERAL (SELECT max(number) AS n FROM allowlist_version av
                                         WHERE av.partner_id = c.partner_id AND av.customer_id = c.id) v ON true
                          LEFT JOIN LATERAL (SELECT number FROM applied_version ap WHERE ap.partner_id = c.partner_id
                                              AND ap.customer_id = c.id ORDER BY ap.id DESC LIMIT 1) a ON true
                         WHERE c.partner_id = ?1 AND v.n > coalesce(a.number, 0)""").setParameter(1, partner).getSingleResult();
                List<String> lines = new ArrayList<>();
                lines.add(I18n.in(d.language, "mail.digest.since", since.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString()));
                if (causes.isEmpty()) {
                    lines.add(I18n.in(d.language, "mail.digest.nothing"));
                }
                for (Object[] c : causes) {
                    lines.add(I18n.in(d.language, "mail.digest.cause", I18n.in(d.language, "cause." + c[0]),
                            String.valueOf(((Number) c[1]).longValue()), String.valueOf(((Number) c[2]).longValue())));
                }
                lines.add(I18n.in(d.language, "mail.digest.pending", String.valueOf(pending.longValue())));
                Mails.Rendered rendered = mails.digest(d.language, partner, lines, config.publicUrl() + "/",
                        config.publicUrl() + "/notifications");
                return new Digest(d.id, d.email, since, rendered);
            });
            if (digest == null) {
                continue;
            }
            try {
                mailer.send(Mail.withHtml(digest.to(), digest.mail().subject(), digest.mail().html()).setText(digest.mail().text()));
                sent++;
            } catch (RuntimeException e) {
                // not sent: the next look sends it again, covering the same period
                LOG.warnf("A digest of partner %s could not be sent: %s", partner, e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> {
                    MemberDigest d = em.find(MemberDigest.class, digest.id());
                    if (d != null) {
                        d.lastSentAt = digest.since();
                    }
                });
            }
        }
        return sent;
    }

    /** A member's digest, rendered, with the period it covers (restored if it could not be sent). */
    private record Digest(long id, String to, OffsetDateTime since, Mails.Rendered mail) {
    }

    static Duration period(String frequency) {
        return "weekly".equals(frequency) ? Duration.ofDays(7) : Duration.ofDays(1);
    }

    private List<String> partners() {
        return QuarkusTransaction.requiringNew().call(() -> Partner.<Partner>listAll().stream().map(p -> p.id).toList());
    }

    @SuppressWarnings("unchecked")
    private List<String> digestPartners() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT * FROM portal_partners_with_digests()")
                .getResultList());
    }

    private void asPartner(String partner, Runnable work) {
        ManagedContext context = Arc.container().requestContext();
        boolean activated = !context.isActive();
        if (activated) {
            context.activate();
        }
        try {
            Arc.container().instance(CurrentMember.class).get().actingAs(Actor.system(partner, Role.PARTNER_ADMIN), work);
        } catch (RuntimeException e) {
            LOG.warnf("Notifications of partner %s not looked at: %s", partner, e.getMessage());
        } finally {
            if (activated) {
                context.terminate();
            }
        }
    }
}
