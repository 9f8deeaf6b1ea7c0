package dev.allowlist.portal.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.notify.core.Backoff;
import dev.allowlist.portal.notify.core.TargetPolicy;
import dev.allowlist.portal.notify.core.WebhookSignature;
import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PartnerDirectory;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.partner.Role;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox: every few seconds, the due messages (the oldest pending one of each
 * subscription, so that an endpoint gets its events in order), each in its own transaction with its
 * row locked ({@code FOR UPDATE SKIP LOCKED}: several instances share the work, none sends one twice).
 * A failure is retried with exponential backoff under the same {@code webhook-id}; after the last
 * attempt the endpoint is disabled and the partner's admins are told by e-mail. Nothing lives in
 * memory between attempts: a restart resumes from the table.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    record Due(long id, String partnerId) {
    }

    private record Result(boolean ok, Integer status, String error) {
    }

    @Inject
    NotificationRepository outbox;

    @Inject
    PortalConfig config;

    @Inject
    SecretBox secrets;

    @Inject
    NotificationService notifications;

    @Inject
    Mailer mailer;

    @Inject
    Mails mails;

    @Inject
    AuditService audit;

    @Inject
    PartnerDirectory directory;

    @Scheduled(every = "${portal.notifications.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void deliverDue() {
        List<Due> due = due();
        for (Due d : due) {
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
                Arc.container().instance(CurrentMember.class).get()
                        .actingAs(Actor.system(d.partnerId(), Role.PARTNER_ADMIN), () -> deliver(d.id()));
            } catch (RuntimeException e) {
                LOG.warnf("Delivery of outbox message %d failed: %s", d.id(), e.getMessage());
            } finally {
                context.terminate();
            }
        }
    }

    private List<Due> due() {
        try {
            return outbox.due();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Outbox not read: %s", e.getMessage()); // the database is away: the next round tries again
            return List.of();
        }
    }

    /** One message, locked for this instance alone; sent, logged, and then delivered, retried or failed. */
    void deliver(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<OutboxMessage> locked = outbox.lockDue(id);
            if (locked.isEmpty()) {
                return;
            }
            OutboxMessage m = locked.get();
            Subscription s = outbox.subscription(m.subscriptionId).orElse(null);
            if (s == null || !s.enabled) {
                m.status = "failed";
                m.lastError = "the subscription is disabled";
                return;
            }
            long start = System.nanoTime();
            Result result = "webhook".equals(s.kind) ? post(s, m) : mail(s, m);
            int attempt = m.attempts + 1;
            DeliveryAttempt a = new DeliveryAttempt();
            a.subscriptionId = s.id;
            a.outboxId = m.id;
            a.attempt = attempt;
            a.attemptedAt = OffsetDateTime.now();
            a.statusCode = result.status();
            a.latencyMs = (int) ((System.nanoTime() - start) / 1_000_000);
            a.error = result.error();
            a.persist();
            m.attempts = attempt;
            if (result.ok()) {
                m.status = "delivered";
                m.deliveredAt = a.attemptedAt;
                m.lastError = null;
            } else if (attempt >= config.notifications().maxAttempts()) {
                m.status = "failed";
                m.lastError = result.error();
                disable(s, attempt, result);
            } else {
                m.lastError = result.error();
                m.nextAttemptAt = a.attemptedAt.plus(Backoff.after(attempt, config.notifications().firstRetry()));
            }
        });
    }

    private Result post(Subscription s, OutboxMessage m) {
        URI uri = URI.create(s.target);
        String problem = TargetPolicy.checkUrl(s.target, config.notifications().httpAllowed());
        if (problem == null) {
            try {
                problem = TargetPolicy.checkAddresses(uri.getHost(), List.of(InetAddress.getAllByName(uri.getHost())),
                        notifications.allowedHosts());
            } catch (UnknownHostException e) {
                problem = "error.webhook.unresolved";
            }
        }
        if (problem != null) {
            return new Result(false, null, "refused: " + problem);
        }
        String body = s.slackFormat ? slack(s.language, m) : m.payload;
        long timestamp = System.currentTimeMillis() / 1000;
        List<String> keys = new ArrayList<>();
        keys.add(secrets.open(s.secretEnc));
        if (s.previousSecretEnc != null && s.previousUntil != null && s.previousUntil.isAfter(OffsetDateTime.now())) {
            keys.add(secrets.open(s.previousSecretEnc));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "AllowlistPortal-Webhooks/1")
                .header("webhook-id", m.webhookId)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", WebhookSignature.header(keys, m.webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Result(status >= 200 && status < 300, status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (IOException e) {
            return new Result(false, null, e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, "interrupted");
        }
    }

    private Result mail(Subscription s, OutboxMessage m) {
        try {
            JsonNode event = JSON.readTree(m.payload);
            Mails.Rendered mail = mails.event(s.language, event, config.publicUrl(),
                    config.publicUrl() + "/notifications/unsubscribe/" + notifications.unsubscribeToken(s));
            mailer.send(Mail.withHtml(s.target, mail.subject(), mail.html()).setText(mail.text())
                    .addHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
            return new Result(true, null, null);
        } catch (RuntimeException | IOException e) {
            return new Result(false, null, e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
        }
    }

    private static String slack(String language, OutboxMessage m) {
        try {
            JsonNode event = JSON.readTree(m.payload);
            return JSON.writeValueAsString(Map.of("text", Mails.summary(language, event) + " " + event.path("data").path("link").asText("")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The endpoint kept failing: it stops, the pages show it, and the partner's admins hear of it. */
    private void disable(Subscription s, int attempts, Result last) {
        s.enabled = false;
        s.disabledReason = attempts + " attempts failed; last: " + last.error();
        audit.record(AuditService.Operation.ACTION, ResourceType.SUBSCRIPTION, s.id, s.customerId,
                "Subscription disabled after " + attempts + " failed attempts", Map.of("lastError", String.valueOf(last.error())));
        for (String email : directory.adminEmails()) {
            try {
                Mails.Rendered mail = mails.disabled(s.language, NotificationService.redacted(s), s.disabledReason,
                        config.publicUrl() + "/notifications");
                mailer.send(Mail.withHtml(email, mail.subject(), mail.html()).setText(mail.text()));
            } catch (RuntimeException e) {
                LOG.warnf("Could not tell a partner admin that subscription %d is disabled: %s", s.id, e.getMessage());
            }
        }
    }
}
