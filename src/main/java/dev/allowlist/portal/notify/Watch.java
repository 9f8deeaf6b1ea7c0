package dev.allowlist.portal.notify;

import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PartnerRepository;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.partner.Role;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.MonitorMessages;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    NotificationRepository repository;

    @Inject
    PartnerRepository partnerRows;

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

    private void pending(Subscription s) {
        List<NotificationRepository.Pending> rows = repository.pendingLongerThan(s.partnerId, s.customerId, s.pendingDays);
        for (NotificationRepository.Pending r : rows) {
            long customerId = r.customerId();
            int version = r.version();
            if (notifications.once(s, "pending:" + customerId + ":v" + version)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("partner", s.partnerId);
                data.put("customerId", customerId);
                data.put("customerName", r.customerName());
                data.put("version", version);
                data.put("days", s.pendingDays);
                data.put("link", config.publicUrl() + "/customers/" + customerId + "/changes");
                notifications.enqueue(s, NotificationService.PENDING, data);
            }
        }
    }

    private void staleFeeds(Subscription s) {
        List<NotificationRepository.StaleFeed> rows = repository.feedsNotPulledFor(s.partnerId, s.customerId,
                s.staleFeedHours);
        for (NotificationRepository.StaleFeed r : rows) {
            long feedId = r.feedId();
            String since = r.since();
            if (notifications.once(s, "feed:" + feedId + ":" + since)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("partner", s.partnerId);
                data.put("feedId", feedId);
                data.put("customerId", r.customerId());
                data.put("customerName", r.customerName());
                data.put("format", r.format());
                data.put("hours", s.staleFeedHours);
                data.put("link", config.publicUrl() + "/customers/" + r.customerId() + "#exports");
                notifications.enqueue(s, NotificationService.STALE_FEED, data);
            }
        }
    }

    /** One partner's due digests: a summary of what changed since each member's last one. */
    @SuppressWarnings("unchecked")
    private int digestsOf(String partner) {
        int sent = 0;
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> repository.digests().stream()
                .filter(d -> d.lastSentAt.plus(period(d.frequency)).isBefore(OffsetDateTime.now()))
                .map(d -> d.id).toList());
        for (long id : due) {
            Digest digest = QuarkusTransaction.requiringNew().call(() -> {
                MemberDigest d = repository.lockDigest(id).orElse(null);
                if (d == null || !d.lastSentAt.plus(period(d.frequency)).isBefore(OffsetDateTime.now())) {
                    return null;
                }
                OffsetDateTime since = d.lastSentAt;
                d.lastSentAt = OffsetDateTime.now();
                List<NotificationRepository.CauseCount> causes = repository.versionsByCauseSince(partner, since);
                long pending = repository.pendingCustomers(partner);
                List<String> lines = new ArrayList<>();
                MonitorMessages msg = I18n.monitorMessages(d.language);
                lines.add(msg.mail_digest_since(since.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString()));
                if (causes.isEmpty()) {
                    lines.add(msg.mail_digest_nothing());
                }
                for (NotificationRepository.CauseCount c : causes) {
                    lines.add(msg.mail_digest_cause(I18n.messageIn(d.language, "cause." + c.cause()),
                            c.versions(), c.customers()));
                }
                lines.add(msg.mail_digest_pending(String.valueOf(pending)));
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
                    MemberDigest d = repository.lockDigest(digest.id()).orElse(null);
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
        return QuarkusTransaction.requiringNew().call(() -> partnerRows.allById().stream().map(p -> p.id).toList());
    }

    private List<String> digestPartners() {
        return QuarkusTransaction.requiringNew().call(repository::partnersWithDigests);
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
