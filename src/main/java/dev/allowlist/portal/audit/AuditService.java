package dev.allowlist.portal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.audit.core.HashChain;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.TenantConnections;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Writes audit events: in the transaction of the change they record, chained per partner (or the
 * platform's chain), and sensitive reads through the group commit ({@link ReadAuditWriter}). Auditors
 * read them through {@link AuditHistory}.
 */
@ApplicationScoped
public class AuditService {

    public static final String PLATFORM_CHAIN = "~platform";

    public enum Operation { CREATE, UPDATE, DELETE, ACTION }

    @Inject
    EntityManager em;

    @Inject
    CurrentMember member;

    @Inject
    ObjectMapper json;

    @Inject
    ReadAuditWriter reads;

    /**
     * Records a change to partner data (or, for a platform admin or start-up work, to platform data).
     * Must run inside the transaction of the change: a rollback takes the event with it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Operation operation, ResourceType resourceType, Object resourceId, Long customerId, String summary,
            Map<String, ?> details) {
        Draft draft = draft(operation, resourceType, resourceId, customerId, summary, details);
        List<Draft> batch = BATCH.get();
        if (batch != null) {
            batch.add(draft);
            return;
        }
        em.unwrap(Session.class).doWork(connection -> append(connection, draft.chain(), List.of(draft)));
    }

    private static final ThreadLocal<List<Draft>> BATCH = new ThreadLocal<>();

    /**
     * Runs work that records many changes (an import's rows) and appends their events in one batch
     * when it ends, in the order they were recorded, in the same transaction: the same events as one
     * by one, for a few statements instead of five per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T batched(Supplier<T> work) {
        if (BATCH.get() != null) {
            return work.get();
        }
        List<Draft> batch = new ArrayList<>();
        BATCH.set(batch);
        T result;
        try {
            result = work.get();
        } finally {
            BATCH.remove();
        }
        Map<String, List<Draft>> byChain = new LinkedHashMap<>();
        batch.forEach(d -> byChain.computeIfAbsent(d.chain(), k -> new ArrayList<>()).add(d));
        for (Map.Entry<String, List<Draft>> chain : byChain.entrySet()) {
            em.unwrap(Session.class).doWork(connection -> append(connection, chain.getKey(), chain.getValue()));
        }
        return result;
    }

    /**
     * Records a sensitive read (an export downloaded, a feed pulled). Reads change nothing, so they
     * have no transaction of their own to share: the event is written with the other reads of the
     * moment in one transaction (group commit), and this returns only once it is stored, so nothing
     * is served unrecorded. Once a batch is stored, {@link ReadsStored} tells the features whose
     * resources were read (feeds count their pulls), before the reads are answered.
     */
    public void recordRead(Operation operation, ResourceType resourceType, Object resourceId, Long customerId, String summary,
            Map<String, ?> details) {
        reads.write(draft(operation, resourceType, resourceId, customerId, summary, details), null);
    }

    /**
     * A condition checked in the group commit's transaction, with the chain's partner set on the
     * connection, just before the read's event is appended: the event is written only when it returns
     * true. The owner of the read writes its own row there (a delivery, say) and answers whether it
     * was new, so that the row and its event commit together or not at all, once across instances.
     */
    @FunctionalInterface
    public interface Once {
        boolean claim(Connection connection) throws SQLException;
    }

    /**
     * {@link #recordRead} without holding the caller's thread: the stage completes once the event is
     * stored, or fails with {@link AuditUnavailableException}. Serve the read only when it completes.
     */
    public CompletionStage<Void> recordReadLater(Operation operation, ResourceType resourceType,
            Object resourceId, Long customerId, String summary, Map<String, ?> details) {
        return reads.submit(draft(operation, resourceType, resourceId, customerId, summary, details), null);
    }

    /** {@link #recordReadLater}, written only if {@code once} claims it in the same transaction. */
    public CompletionStage<Void> recordReadOnceLater(Operation operation, ResourceType resourceType,
            Object resourceId, Long customerId, String summary, Map<String, ?> details, Once once) {
        return reads.submit(draft(operation, resourceType, resourceId, customerId, summary, details), once);
    }

    /** One stored read, as the feature that owns the resource needs it. */
    public record StoredRead(String partnerId, String resourceType, String resourceId, Instant occurredAt) {
    }

    /** A batch of reads is stored (fired synchronously on the writer, before the reads are answered). */
    public record ReadsStored(List<StoredRead> reads) {
    }

    /** An event as its request describes it, before it has an id and its place in the chain. */
    record Draft(String partnerId, Instant occurredAt, String actorSubject, String actorName, String client,
            String ipAddress, String operation, String resourceType, String resourceId, String resourcePath,
            Long customerId, String summary, String details) {

        String chain() {
            return partnerId == null ? PLATFORM_CHAIN : partnerId;
        }

        HashChain.Content withId(long id) {
            return new HashChain.Content(id, partnerId, occurredAt, actorSubject, actorName, client, ipAddress,
                    operation, resourceType, resourceId, resourcePath, customerId, summary, details);
        }
    }

    private Draft draft(Operation operation, ResourceType resourceType, Object resourceId, Long customerId, String summary,
            Map<String, ?> details) {
        boolean inRequest = Arc.container().requestContext().isActive();
        String partnerId = inRequest && member.isPartnerMember() ? member.partnerId() : null;
        RoutingContext http = currentHttp();
        String subject = inRequest ? Objects.requireNonNullElse(member.subject(), "system") : "system";
        String actorName = inRequest && member.subject() != null ? member.displayName() : "System";
        return new Draft(partnerId, Instant.now().truncatedTo(ChronoUnit.MICROS), subject, actorName,
                http == null ? "system" : (http.request().path().startsWith("/api/") ? "api" : "web"),
                http == null || http.request().remoteAddress() == null ? null : http.request().remoteAddress().hostAddress(),
                operation.name(), resourceType.storedName(), resourceId == null ? null : resourceId.toString(),
                http == null ? null : storedPath(http.request().path(), resourceType, resourceId), customerId,
                abbreviate(summary, 500),
                write(details));
    }

    /**
     * Appends events to one chain, in order, inside the connection's transaction. The chain head row
     * serialises the writers of one partner (other partners are not held up); the events get their
     * ids under it, so ids follow the chain.
     */
    static void append(Connection c, String chain, List<Draft> drafts) throws SQLException {
        append(c, chain, drafts, true);
    }

    /**
     * Row-level security: these statements write the chain's own partner (or the platform). The
     * connection already names it when the request's member is that partner; otherwise (start-up work,
     * the read writer's batches of many chains) it is named for them, and named back after unless the
     * transaction is the caller's alone ({@code restore} false: the read writer names each chain in turn).
     */
    static void append(Connection c, String chain, List<Draft> drafts, boolean restore)
            throws SQLException {
        String tenant = TenantConnections.currentTenant();
        if (chain.equals(tenant)) {
            appendScoped(c, chain, drafts);
            return;
        }
        TenantConnections.set(c, chain, true);
        try {
            appendScoped(c, chain, drafts);
        } finally {
            if (restore) {
                TenantConnections.set(c, tenant, true);
            }
        }
    }

    private static void appendScoped(Connection c, String chain, List<Draft> drafts) throws SQLException {
        AuditRepository.ChainHead head = AuditRepository.lockHead(c, chain, HashChain.GENESIS);
        long[] ids = AuditRepository.nextIds(c, drafts.size());
        Arrays.sort(ids);
        int n = drafts.size();
        String prevHash = head.lastHash();
        Object[][] columns = new Object[16][];
        for (int k = 0; k < 16; k++) {
            columns[k] = k == 0 || k == 11 ? new Long[n] : new String[n];
        }
        for (int i = 0; i < n; i++) {
            Draft d = drafts.get(i);
            HashChain.Content content = d.withId(ids[i]);
            String hash = HashChain.hash(prevHash, content);
            Object[] row = { ids[i], d.partnerId(), d.occurredAt().toString(), d.actorSubject(), d.actorName(),
                    d.client(), d.ipAddress(), d.operation(), d.resourceType(), d.resourceId(), d.resourcePath(),
                    d.customerId(), d.summary(), d.details(), prevHash, hash };
            for (int k = 0; k < 16; k++) {
                columns[k][i] = row[k];
            }
            prevHash = hash;
        }
        AuditRepository.insertEvents(c, columns);
        AuditRepository.moveHead(c, chain, ids[n - 1], prevHash, head.count() + n);
    }

    private String write(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RoutingContext currentHttp() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        var instance = Arc.container().instance(CurrentVertxRequest.class);
        return instance.isAvailable() ? instance.get().getCurrent() : null;
    }

    /**
     * The request path as the history keeps it. A feed's path holds its token, a secret: the history
     * names the feed by id instead ({@code /feeds/17}), and never stores a token.
     */
    static String storedPath(String path, ResourceType resourceType, Object resourceId) {
        if (path != null && path.startsWith("/feeds/")) {
            return "/feeds/" + (resourceType == ResourceType.FEED && resourceId != null ? resourceId : "");
        }
        for (String prefix : TOKEN_PATHS) {
            if (path != null && path.startsWith(prefix)) {
                return prefix; // the token is the credential: never kept
            }
        }
        return abbreviate(path, 300);
    }

    /** Paths whose last segment is a secret token (feeds are kept by their id instead). */
    private static final List<String> TOKEN_PATHS = List.of("/checks/", "/notifications/unsubscribe/");

    /** A path fit for a log line or an error message: a feed's, a check report's or an unsubscribe link's token is left out. */
    public static String loggablePath(String path) {
        if (path == null) {
            return null;
        }
        if (path.startsWith("/feeds/")) {
            return "/feeds/…";
        }
        for (String prefix : TOKEN_PATHS) {
            if (path.startsWith(prefix)) {
                return prefix + "…";
            }
        }
        return path;
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
