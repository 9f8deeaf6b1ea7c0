package dev.allowlist.portal.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.allowlist.portal.Sha256;
import dev.allowlist.portal.allowlist.VersionRecorded;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.catalog.CatalogPublished;
import dev.allowlist.portal.check.CheckReported;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.notify.core.TargetPolicy;
import dev.allowlist.portal.notify.core.WebhookSignature;
import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.partner.Role;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Subscriptions (partner admins make them), and the outbox: every event is written there in the
 * transaction of the change that caused it, one message per subscription that wants it, and the
 * delivery worker takes it from there. A catalog publication is one event per partner, not one per
 * customer it changed.
 */
@ApplicationScoped
public class NotificationService {

    public static final String VERSION = "allowlist.version.created";
    public static final String CATALOG = "catalog.published";
    public static final String PENDING = "changes.pending";
    public static final String STALE_FEED = "feed.stale";
    public static final String CHECK_FAILED = "check.failed";
    public static final String TEST = "test";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A new subscription, with its secret or unsubscribe token shown once. */
    public record Created(Subscription subscription, String secret) {
    }

    /** A subscription as typed (numbers as text, so that a form comes back with what was typed). */
    public record Form(String kind, String target, String customerId, boolean versionEvents, boolean catalogEvents, boolean checkEvents,
            String pendingDays, String staleFeedHours, boolean slackFormat) {

        /** The form as a new page shows it. */
        public static Form blank() {
            return new Form("webhook", "", "", true, true, true, "", "", false);
        }
    }

    @Inject
    NotificationRepository notifications;

    @Inject
    CustomerService customers;

    @Inject
    CurrentMember member;

    @Inject
    AuditService audit;

    @Inject
    PortalConfig config;

    @Inject
    SecretBox secrets;

    @Inject
    EntityManager em;

    @Inject
    I18n i18n;

    /** Each partner's enabled subscriptions, a few seconds at most (imports record thousands of versions). */
    private final Cache<String, List<Subscription>> enabled = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5)).build();

    // --- subscriptions

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Subscription> list() {
        return notifications.subscriptions();
    }

    @Transactional
    public Created create(Form form) {
        InvalidInputException.Builder errors = InvalidInputException.builder();
        String kind = form.kind() == null ? "" : form.kind().strip();
        String target = form.target() == null ? "" : form.target().strip();
        if (!kind.equals("webhook") && !kind.equals("email")) {
            errors.add("kind", "error.subscription.kind");
        } else if (kind.equals("email") && !EMAIL.matcher(target).matches()) {
            errors.add("target", "error.subscription.email");
        } else if (kind.equals("email") && !secrets.available()) {
            errors.add("target", "error.webhook.noKey");
        } else if (kind.equals("webhook")) {
            String problem = checkWebhook(target);
            if (problem != null) {
                errors.add("target", problem);
            } else if (!secrets.available()) {
                errors.add("target", "error.webhook.noKey");
            }
        }
        Integer pendingDays = number(form.pendingDays(), 1, 365, "pendingDays", errors);
        Integer staleFeedHours = number(form.staleFeedHours(), 1, 24 * 90, "staleFeedHours", errors);
        Long customerId = null;
        if (form.customerId() != null && !form.customerId().isBlank()) {
            try {
                customerId = Long.valueOf(form.customerId().strip());
            } catch (NumberFormatException e) {
                customerId = -1L;
            }
            if (customers.find(customerId).isEmpty()) {
                errors.add("customerId", "error.subscription.customer");
            }
        }
        if (!form.versionEvents() && !form.catalogEvents() && !form.checkEvents() && pendingDays == null && staleFeedHours == null) {
            errors.add("events", "error.subscription.events");
        }
        errors.throwIfAny();
        Subscription s = new Subscription();
        s.kind = kind;
        s.target = target;
        s.customerId = customerId;
        s.versionEvents = form.versionEvents();
        s.catalogEvents = form.catalogEvents();
        s.checkEvents = form.checkEvents();
        s.pendingDays = pendingDays;
        s.staleFeedHours = staleFeedHours;
        s.slackFormat = kind.equals("webhook") && form.slackFormat();
        s.language = i18n.language();
        s.createdBy = member.displayName();
        s.createdAt = OffsetDateTime.now();
        String secret = null;
        if (kind.equals("webhook")) {
            secret = WebhookSignature.newSecret();
            s.secretEnc = secrets.seal(secret);
        }
        s.persist();
        if (kind.equals("email")) {
            em.flush();
            s.unsubscribeHash = sha256(unsubscribeToken(s));
        }
        enabled.invalidate(member.tenantId());
        audit.record(AuditService.Operation.CREATE, ResourceType.SUBSCRIPTION, s.id, s.customerId, "Subscription created: " + kind + " "
                + redacted(s), Map.of("after", describe(s)));
        return new Created(s, kind.equals("webhook") ? secret : null);
    }

    /** A new secret; the old one keeps signing beside it for the overlap window. Shown once. */
    @Transactional
    public String rotate(long id) {
        Subscription s = find(id);
        if (!"webhook".equals(s.kind)) {
            throw new NotFoundException();
        }
        String secret = WebhookSignature.newSecret();
        s.previousSecretEnc = s.secretEnc;
        s.previousUntil = OffsetDateTime.now().plus(config.notifications().rotationOverlap());
        s.secretEnc = secrets.seal(secret);
        audit.record(AuditService.Operation.ACTION, ResourceType.SUBSCRIPTION, s.id, s.customerId, "Webhook secret rotated",
                Map.of("previousValidUntil", s.previousUntil.toString()));
        return secret;
    }

    @Transactional
    public void delete(long id) {
        Subscription s = find(id);
        audit.record(AuditService.Operation.DELETE, ResourceType.SUBSCRIPTION, s.id, s.customerId, "Subscription deleted: " + s.kind
                + " " + redacted(s), Map.of("before", describe(s)));
        s.delete();
        enabled.invalidate(member.tenantId());
    }

    @Transactional
    public void enable(long id) {
        Subscription s = find(id);
        if (!s.enabled) {
            s.enabled = true;
            s.disabledReason = null;
            // what the endpoint missed while it failed goes out again, in order, under the same webhook-ids
            int requeued = notifications.requeueFailed(s.partnerId, s.id);
            audit.record(AuditService.Operation.UPDATE, ResourceType.SUBSCRIPTION, s.id, s.customerId, "Subscription enabled again ("
                    + requeued + " undelivered events sent again)",
                    Map.of("before", Map.of("enabled", false), "after", Map.of("enabled", true)));
            enabled.invalidate(member.tenantId());
        }
    }

    /** A test event, through the outbox like any other. */
    @Transactional
    public void test(long id) {
        Subscription s = find(id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partner", member.tenantId());
        data.put("message", "A test event from the Allowlist Portal.");
        data.put("link", config.publicUrl() + "/notifications");
        enqueue(s, TEST, data);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryAttempt> deliveries(long id) {
        find(id);
        return notifications.latestAttempts(id, 100);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription subscription(long id) {
        return find(id);
    }

    /** The disabled endpoints, for the pages' banner. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Subscription> disabled() {
        return member.may(PortalRoles.PARTNER_ADMIN) ? notifications.disabled(member.tenantId()) : List.of();
    }

    // --- a member's own digest

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MemberDigest> digest() {
        return notifications.digestOf(member.subject());
    }

    /** "daily", "weekly" or "off"; the digest goes to the address of the member's login. */
    @Transactional
    public void setDigest(String frequency) {
        String f = frequency == null ? "" : frequency.strip();
        if (!f.equals("daily") && !f.equals("weekly") && !f.equals("off")) {
            throw InvalidInputException.of("frequency", "error.digest.frequency");
        }
        MemberDigest d = notifications.digestOf(member.subject()).orElse(null);
        if (f.equals("off")) {
            if (d != null) {
                d.delete();
                audit.record(AuditService.Operation.DELETE, ResourceType.DIGEST, member.subject(), null, "E-mail digest turned off",
                        Map.of("before", Map.of("frequency", d.frequency)));
            }
            return;
        }
        String email = member.email();
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw InvalidInputException.of("frequency", "error.digest.noEmail");
        }
        if (d == null) {
            d = new MemberDigest();
            d.subject = member.subject();
            d.lastSentAt = OffsetDateTime.now();
        }
        String before = d.frequency;
        d.email = email;
        d.frequency = f;
        d.language = i18n.language();
        d.persist();
        audit.record(AuditService.Operation.UPDATE, ResourceType.DIGEST, member.subject(), null, "E-mail digest: " + f,
                Map.of("before", before == null ? Map.of() : Map.of("frequency", before), "after", Map.of("frequency", f)));
    }

    /** The recipient of an e-mail clicked "unsubscribe": that subscription stops. Found by the link's token alone. */
    public boolean unsubscribe(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return false;
        }
        Optional<NotificationRepository.Unsubscribing> found = QuarkusTransaction.requiringNew()
                .call(() -> notifications.byUnsubscribeHash(sha256(token)));
        if (found.isEmpty()) {
            return false;
        }
        member.actingAs(Actor.system(found.get().partnerId(), Role.PARTNER_ADMIN), () -> {
            QuarkusTransaction.requiringNew().run(() -> {
                Subscription s = notifications.subscription(found.get().subscriptionId()).orElse(null);
                if (s != null && s.enabled) {
                    s.enabled = false;
                    s.disabledReason = "unsubscribed by the recipient";
                    audit.record(AuditService.Operation.ACTION, ResourceType.SUBSCRIPTION, s.id, s.customerId,
                            "Unsubscribed by the recipient: " + s.target, Map.of("after", Map.of("enabled", false)));
                    enabled.invalidate(s.partnerId);
                }
            });
        });
        return true;
    }

    // --- events into the outbox

    void versionRecorded(@Observes VersionRecorded event) {
        if ("catalog-published".equals(event.cause())) {
            return; // announced once per partner when the publication is through
        }
        List<Subscription> wanting = subscriptions(event.partnerId()).stream()
                .filter(s -> s.versionEvents && (s.customerId == null || s.customerId == event.customerId())).toList();
        if (wanting.isEmpty()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partner", event.partnerId());
        data.put("customerId", event.customerId());
        data.put("customerName", event.customerName());
        data.put("version", event.version());
        data.put("previousVersion", event.version() > 1 ? event.version() - 1 : null);
        data.put("cause", event.cause());
        data.put("catalogVersion", event.catalogVersion());
        data.put("entries", event.entries());
        data.put("link", config.publicUrl() + "/customers/" + event.customerId() + "/changes"
                + (event.version() > 1 ? "?from=" + (event.version() - 1) + "&to=" + event.version() : ""));
        wanting.forEach(s -> enqueue(s, VERSION, data));
    }

    void catalogPublished(@Observes CatalogPublished event) {
        if (event.customersChanged() == 0) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partner", event.partnerId());
        data.put("catalogVersion", event.catalogVersion());
        data.put("customersChanged", event.customersChanged());
        data.put("link", config.publicUrl() + "/changes");
        for (Subscription s : subscriptions(event.partnerId())) {
            if (s.catalogEvents && once(s, "catalog:" + event.publicationId())) {
                enqueue(s, CATALOG, data);
            }
        }
    }

    void checkReported(@Observes CheckReported event) {
        if (event.failed() == 0) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partner", event.partnerId());
        data.put("customerId", event.customerId());
        data.put("customerName", event.customerName());
        data.put("machine", event.machine());
        data.put("allowlistVersion", event.allowlistVersion());
        data.put("passed", event.passed());
        data.put("failed", event.failed());
        data.put("failedHosts", event.failedHosts());
        data.put("link", config.publicUrl() + "/customers/" + event.customerId() + "#latest-check");
        for (Subscription s : subscriptions(event.partnerId())) {
            if (s.checkEvents && (s.customerId == null || s.customerId == event.customerId())) {
                enqueue(s, CHECK_FAILED, data);
            }
        }
    }

    /** Whether this subject has not been announced to this subscription yet (and now is). */
    boolean once(Subscription s, String subjectKey) {
        return notifications.announceOnce(s.partnerId, s.id, subjectKey);
    }

    List<Subscription> subscriptions(String partnerId) {
        // the partner named, not only the request's tenant: a list cached under one partner is that partner's
        return enabled.get(partnerId, notifications::enabled);
    }

    /**
     * One message for one subscription, in the caller's transaction. Written only while the subscription
     * is still there and enabled (the list it came from may be a few seconds old, or another instance's).
     */
    void enqueue(Subscription s, String type, Map<String, Object> data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", type);
        event.put("timestamp", Instant.now().toString());
        event.set("data", JSON.valueToTree(data));
        String payload;
        try {
            payload = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        notifications.enqueue(s.partnerId, s.id, "msg_" + token().substring(0, 27), type, payload);
    }

    // --- helpers

    /** A whole number between min and max typed in a field, or null when left empty. */
    private static Integer number(String typed, int min, int max, String field, InvalidInputException.Builder errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(typed.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, "error.subscription.range", min, max);
        return null;
    }

    /** The token of an e-mail subscription's unsubscribe link: a keyed hash of its id, so never stored. */
    String unsubscribeToken(Subscription s) {
        return secrets.mac("unsubscribe:" + s.id);
    }

    /** Null when the webhook URL may be used, else the reason's message key (checked again at each delivery). */
    public String checkWebhook(String url) {
        String problem = TargetPolicy.checkUrl(url, config.notifications().httpAllowed());
        if (problem != null) {
            return problem;
        }
        String host = URI.create(url).getHost();
        try {
            return TargetPolicy.checkAddresses(host, List.of(InetAddress.getAllByName(host)), allowedHosts());
        } catch (UnknownHostException e) {
            return "error.webhook.unresolved";
        }
    }

    Set<String> allowedHosts() {
        return config.notifications().allowedHosts().map(l -> Set.copyOf(l.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList()))
                .orElse(Set.of());
    }

    private Subscription find(long id) {
        return notifications.subscription(id).orElseThrow(NotFoundException::new);
    }


    /** The target as the history shows it: a webhook's host and path without its query (it may hold a key). */
    static String redacted(Subscription s) {
        if (!"webhook".equals(s.kind)) {
            return s.target;
        }
        URI uri = URI.create(s.target);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
    }

    static Map<String, Object> describe(Subscription s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", s.kind);
        d.put("target", redacted(s));
        d.put("customerId", s.customerId);
        d.put("versionEvents", s.versionEvents);
        d.put("catalogEvents", s.catalogEvents);
        d.put("checkEvents", s.checkEvents);
        d.put("pendingDays", s.pendingDays);
        d.put("staleFeedHours", s.staleFeedHours);
        d.put("slackFormat", s.slackFormat);
        return d;
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        return Sha256.hex(text);
    }

}
