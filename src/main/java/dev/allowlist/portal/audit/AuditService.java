package dev.allowlist.portal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.Role;
import dev.allowlist.portal.partner.TenantConnections;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Writes audit events in the transaction of the change they record, chained per partner, and
 * reads them for auditors. Queries are native SQL, so every one names its partner explicitly
 * (partner_id, or NULL for the platform's own events).
 */
@ApplicationScoped
public class AuditService {

    public static final String PLATFORM_CHAIN = "~platform";

    public enum Operation { CREATE, UPDATE, DELETE, ACTION }

    /** One stored event as auditors see it. */
    public record Event(long id, Instant occurredAt, String actorSubject, String actorName, String client,
            String ipAddress, String operation, String resourceType, String resourceId, String resourcePath,
            Long customerId, String summary, String details) {
    }

    /** Which events: a period (whole days, UTC), a customer, an actor, an operation, a resource type. */
    public record Filter(LocalDate from, LocalDate to, Long customerId, String actor, String operation,
            String resourceType) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }

        public Map<String, String> described() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("from", from == null ? "" : from.toString());
            d.put("to", to == null ? "" : to.toString());
            d.put("customerId", customerId == null ? "" : customerId.toString());
            d.put("actor", actor == null ? "" : actor);
            d.put("operation", operation == null ? "" : operation);
            d.put("resourceType", resourceType == null ? "" : resourceType);
            return d;
        }
    }

    public record Page(List<Event> events, Long nextBefore) {
    }

    public record Verification(boolean intact, long events, HashChain.Broken broken) {
    }

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

    private static final String INSERT = "INSERT INTO audit_event (id, partner_id, occurred_at, actor_subject, actor_name, "
            + "client, ip_address, operation, resource_type, resource_id, resource_path, customer_id, summary, details, "
            + "prev_hash, hash) SELECT id, partner_id, occurred_at::timestamptz, actor_subject, actor_name, client, "
            + "ip_address, operation, resource_type, resource_id, resource_path, customer_id, summary, details, prev_hash, "
            + "hash FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) AS t(id, "
            + "partner_id, occurred_at, actor_subject, actor_name, client, ip_address, operation, resource_type, "
            + "resource_id, resource_path, customer_id, summary, details, prev_hash, hash)";

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
        try (PreparedStatement st = c.prepareStatement("INSERT INTO audit_chain (chain, last_id, last_hash, "
                + "event_count) VALUES (?, 0, ?, 0) ON CONFLICT (chain) DO NOTHING")) {
            st.setString(1, chain);
            st.setString(2, HashChain.GENESIS);
            st.executeUpdate();
        }
        String prevHash;
        long count;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT last_hash, event_count FROM audit_chain WHERE chain = ? FOR UPDATE")) {
            st.setString(1, chain);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                prevHash = rs.getString(1);
                count = rs.getLong(2);
            }
        }
        long[] ids = new long[drafts.size()];
        try (PreparedStatement st = c.prepareStatement(
                "SELECT nextval('audit_event_id_seq') FROM generate_series(1, ?)")) {
            st.setInt(1, drafts.size());
            try (ResultSet rs = st.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        Arrays.sort(ids);
        int n = drafts.size();
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
        try (PreparedStatement st = c.prepareStatement(INSERT)) {
            for (int k = 0; k < 16; k++) {
                st.setArray(k + 1, c.createArrayOf(k == 0 || k == 11 ? "bigint" : "text", columns[k]));
            }
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE audit_chain SET last_id = ?, last_hash = ?, event_count = ? WHERE chain = ?")) {
            st.setLong(1, ids[n - 1]);
            st.setString(2, prevHash);
            st.setLong(3, count + n);
            st.setString(4, chain);
            st.executeUpdate();
        }
    }

    /** The chain the caller may read: their partner's (auditor, partner-admin) or the platform's (platform admin). */
    public String readableChain() {
        if (member.isPlatformAdmin()) {
            return PLATFORM_CHAIN;
        }
        member.requireCustomerReader();
        if (member.role() != Role.AUDITOR && member.role() != Role.PARTNER_ADMIN) {
            throw new ForbiddenException("Only auditors and partner admins read the audit history.");
        }
        return member.partnerId();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(Filter filter, Long before, int size) {
        String chain = readableChain();
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(chain, filter, params);
        if (before != null) {
            params.add(before);
            where.append(" AND id < ?").append(params.size());
        }
        List<Event> events = query("SELECT " + COLUMNS + " FROM audit_event WHERE " + where + " ORDER BY id DESC LIMIT "
                + (size + 1), params);
        Long next = null;
        if (events.size() > size) {
            events = events.subList(0, size);
            next = events.get(size - 1).id();
        }
        return new Page(List.copyOf(events), next);
    }

    /** Every event of the filter, oldest first, in batches (memory stays flat for long periods). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void each(Filter filter, Consumer<Event> consumer) {
        String chain = readableChain();
        long after = 0;
        while (true) {
            List<Object> params = new ArrayList<>();
            StringBuilder where = where(chain, filter, params);
            params.add(after);
            where.append(" AND id > ?").append(params.size());
            List<Event> batch = query("SELECT " + COLUMNS + " FROM audit_event WHERE " + where
                    + " ORDER BY id LIMIT 1000", params);
            batch.forEach(consumer);
            if (batch.size() < 1000) {
                return;
            }
            after = batch.get(batch.size() - 1).id();
            em.clear();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Event> find(long id) {
        String chain = readableChain();
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(chain, Filter.none(), params);
        params.add(id);
        where.append(" AND id = ?").append(params.size());
        return query("SELECT " + COLUMNS + " FROM audit_event WHERE " + where, params).stream().findFirst();
    }

    /** Walks the caller's whole chain and reports the first broken link, or that it is intact. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Verification verify() {
        String chain = readableChain();
        List<?> head = em.createNativeQuery("SELECT last_hash, event_count FROM audit_chain WHERE chain = ?1")
                .setParameter(1, chain).getResultList();
        String headHash = head.isEmpty() ? HashChain.GENESIS : (String) ((Object[]) head.get(0))[0];
        long headCount = head.isEmpty() ? 0 : ((Number) ((Object[]) head.get(0))[1]).longValue();
        long[] count = { 0 };
        Iterator<HashChain.Link> links = new Iterator<>() {
            private final List<HashChain.Link> batch = new ArrayList<>();
            private int index;
            private long after;
            private boolean done;

            public boolean hasNext() {
                if (index < batch.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                batch.clear();
                index = 0;
                List<Object> params = new ArrayList<>();
                StringBuilder where = AuditService.where(chain, Filter.none(), params);
                params.add(after);
                where.append(" AND id > ?").append(params.size());
                for (Object[] row : rows("SELECT " + COLUMNS + ", prev_hash, hash FROM audit_event WHERE " + where
                        + " ORDER BY id LIMIT 5000", params)) {
                    Event e = event(row);
                    batch.add(new HashChain.Link(new HashChain.Content(e.id(), PLATFORM_CHAIN.equals(chain) ? null : chain,
                            e.occurredAt(), e.actorSubject(), e.actorName(), e.client(), e.ipAddress(), e.operation(),
                            e.resourceType(), e.resourceId(), e.resourcePath(), e.customerId(), e.summary(), e.details()),
                            (String) row[13], (String) row[14]));
                }
                done = batch.size() < 5000;
                if (!batch.isEmpty()) {
                    after = batch.get(batch.size() - 1).content().id();
                }
                em.clear();
                return !batch.isEmpty();
            }

            public HashChain.Link next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                count[0]++;
                return batch.get(index++);
            }
        };
        Optional<HashChain.Broken> broken = HashChain.verify(links, headHash, headCount);
        return new Verification(broken.isEmpty(), count[0], broken.orElse(null));
    }

    private static final String COLUMNS = "id, occurred_at, actor_subject, actor_name, client, ip_address, operation, "
            + "resource_type, resource_id, resource_path, customer_id, summary, details";

    private static StringBuilder where(String chain, Filter f, List<Object> params) {
        // the chain column is coalesce(partner_id, '~platform'): one equality, the same the row-level
        // security policy adds, which the planner merges into an index condition
        StringBuilder where = new StringBuilder();
        params.add(chain);
        where.append("chain = ?").append(params.size());
        if (f.from() != null) {
            params.add(Timestamp.from(f.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
            where.append(" AND occurred_at >= ?").append(params.size());
        }
        if (f.to() != null) {
            params.add(Timestamp.from(f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            where.append(" AND occurred_at < ?").append(params.size());
        }
        if (f.customerId() != null) {
            params.add(f.customerId());
            where.append(" AND customer_id = ?").append(params.size());
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            params.add(f.actor().strip());
            where.append(" AND (actor_subject = ?").append(params.size()).append(" OR actor_name = ?")
                    .append(params.size()).append(")");
        }
        if (f.operation() != null && !f.operation().isBlank()) {
            params.add(f.operation().strip().toUpperCase(Locale.ROOT));
            where.append(" AND operation = ?").append(params.size());
        }
        if (f.resourceType() != null && !f.resourceType().isBlank()) {
            params.add(f.resourceType().strip());
            where.append(" AND resource_type = ?").append(params.size());
        }
        return where;
    }

    private List<Event> query(String sql, List<Object> params) {
        return rows(sql, params).stream().map(AuditService::event).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Object> params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList();
    }

    private static Event event(Object[] r) {
        return new Event(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                r[10] == null ? null : ((Number) r[10]).longValue(), (String) r[11], (String) r[12]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
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
