package dev.allowlist.portal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.Role;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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

    /**
     * Records a change to partner data (or, for a platform admin or start-up work, to platform data).
     * Must run inside the transaction of the change: a rollback takes the event with it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Operation operation, String resourceType, Object resourceId, Long customerId, String summary,
            Map<String, ?> details) {
        boolean inRequest = Arc.container().requestContext().isActive();
        String partnerId = inRequest && member.isPartnerMember() ? member.partnerId() : null;
        String chain = partnerId == null ? PLATFORM_CHAIN : partnerId;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("INSERT INTO audit_chain (chain, last_id, last_hash, event_count) VALUES (?1, 0, ?2, 0) "
                + "ON CONFLICT (chain) DO NOTHING").setParameter(1, chain).setParameter(2, HashChain.GENESIS)
                .executeUpdate();
        // the chain head row serialises writers of one partner; other partners are not held up
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT last_hash, event_count FROM audit_chain WHERE chain = ?1 FOR UPDATE")
                .setParameter(1, chain).getSingleResult();
        String prevHash = (String) head[0];
        long count = ((Number) head[1]).longValue();
        long id = ((Number) em.createNativeQuery("SELECT nextval('audit_event_id_seq')").getSingleResult()).longValue();
        RoutingContext http = currentHttp();
        String subject = inRequest ? Objects.requireNonNullElse(member.subject(), "system") : "system";
        String actorName = inRequest && member.subject() != null ? member.displayName() : "System";
        String path = http == null ? null : abbreviate(http.request().path(), 300);
        HashChain.Content content = new HashChain.Content(id, partnerId, now, subject, actorName,
                http == null ? "system" : (http.request().path().startsWith("/api/") ? "api" : "web"),
                http == null || http.request().remoteAddress() == null ? null : http.request().remoteAddress().hostAddress(),
                operation.name(), resourceType, resourceId == null ? null : resourceId.toString(), path, customerId,
                abbreviate(summary, 500), write(details));
        String hash = HashChain.hash(prevHash, content);
        em.createNativeQuery("INSERT INTO audit_event (id, partner_id, occurred_at, actor_subject, actor_name, client, "
                + "ip_address, operation, resource_type, resource_id, resource_path, customer_id, summary, details, "
                + "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")
                .setParameter(1, id).setParameter(2, partnerId).setParameter(3, Timestamp.from(now))
                .setParameter(4, content.actorSubject()).setParameter(5, content.actorName())
                .setParameter(6, content.client()).setParameter(7, content.ipAddress()).setParameter(8, content.operation())
                .setParameter(9, resourceType).setParameter(10, content.resourceId()).setParameter(11, path)
                .setParameter(12, customerId).setParameter(13, content.summary()).setParameter(14, content.details())
                .setParameter(15, prevHash).setParameter(16, hash).executeUpdate();
        em.createNativeQuery("UPDATE audit_chain SET last_id = ?1, last_hash = ?2, event_count = ?3 WHERE chain = ?4")
                .setParameter(1, id).setParameter(2, hash).setParameter(3, count + 1).setParameter(4, chain).executeUpdate();
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
        StringBuilder where = new StringBuilder();
        if (PLATFORM_CHAIN.equals(chain)) {
            where.append("partner_id IS NULL");
        } else {
            params.add(chain);
            where.append("partner_id = ?").append(params.size());
        }
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
            params.add(f.operation().strip().toUpperCase(java.util.Locale.ROOT));
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
        if (value instanceof java.time.OffsetDateTime o) {
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

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
