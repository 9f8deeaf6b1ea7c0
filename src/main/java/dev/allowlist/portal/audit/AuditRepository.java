package dev.allowlist.portal.audit;

import dev.allowlist.portal.audit.AuditHistory.Event;
import dev.allowlist.portal.audit.AuditHistory.Filter;
import dev.allowlist.portal.audit.core.HashChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every query of the audit history. Native SQL, each naming its chain explicitly ({@code chain = ?}:
 * a partner's id, or {@code ~platform} for the platform's own events), the same predicate the row-level
 * security policy adds, which the planner merges into one index condition.
 */
@ApplicationScoped
class AuditRepository {

    private static final String COLUMNS = "id, occurred_at, actor_subject, actor_name, client, ip_address, operation, "
            + "resource_type, resource_id, resource_path, customer_id, summary, details";

    /** A chain's head as {@code audit_chain} records it: the last hash and the number of events. */
    record Head(String lastHash, long count) {
    }

    @Inject
    EntityManager em;

    /** The newest events of the filter, before an id (or from the newest), at most {@code limit}. */
    List<Event> newestFirst(String chain, Filter filter, Long before, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(chain, filter, params);
        if (before != null) {
            params.add(before);
            where.append(" AND id < ?").append(params.size());
        }
        return events("SELECT " + COLUMNS + " FROM audit_event WHERE " + where + " ORDER BY id DESC LIMIT " + limit,
                params);
    }

    /** The oldest events of the filter after an id, at most {@code limit}. */
    List<Event> oldestFirst(String chain, Filter filter, long after, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(chain, filter, params);
        params.add(after);
        where.append(" AND id > ?").append(params.size());
        return events("SELECT " + COLUMNS + " FROM audit_event WHERE " + where + " ORDER BY id LIMIT " + limit, params);
    }

    Optional<Event> find(String chain, long id) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(chain, Filter.none(), params);
        params.add(id);
        where.append(" AND id = ?").append(params.size());
        return events("SELECT " + COLUMNS + " FROM audit_event WHERE " + where, params).stream().findFirst();
    }

    Optional<Head> head(String chain) {
        List<?> head = em.createNativeQuery("SELECT last_hash, event_count FROM audit_chain WHERE chain = ?1")
                .setParameter(1, chain).getResultList();
        return head.stream().findFirst().map(row -> (Object[]) row)
                .map(row -> new Head((String) row[0], ((Number) row[1]).longValue()));
    }

    /** The chain's links after an id, oldest first, as the hash chain verifies them. */
    List<HashChain.Link> links(String chain, long after, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(chain, Filter.none(), params);
        params.add(after);
        where.append(" AND id > ?").append(params.size());
        List<HashChain.Link> links = new ArrayList<>();
        for (Object[] row : rows("SELECT " + COLUMNS + ", prev_hash, hash FROM audit_event WHERE " + where
                + " ORDER BY id LIMIT " + limit, params)) {
            Event e = event(row);
            links.add(new HashChain.Link(new HashChain.Content(e.id(),
                    AuditService.PLATFORM_CHAIN.equals(chain) ? null : chain, e.occurredAt(), e.actorSubject(),
                    e.actorName(), e.client(), e.ipAddress(), e.operation(), e.resourceType(), e.resourceId(),
                    e.resourcePath(), e.customerId(), e.summary(), e.details()), (String) row[13], (String) row[14]));
        }
        return links;
    }

    /** Forgets what the persistence context holds, between batches of a long read (memory stays flat). */
    void forgetRead() {
        em.clear();
    }

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

    private List<Event> events(String sql, List<Object> params) {
        return rows(sql, params).stream().map(AuditRepository::event).toList();
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

    // --- the chain's writer (AuditService): statements on the caller's connection, in its transaction

    /** A chain's head, as the writer locks it: the last hash and how many events the chain holds. */
    record ChainHead(String lastHash, long count) {
    }

    /** The chain's head row, created on first use and locked for the transaction: it serialises one chain's writers. */
    static ChainHead lockHead(Connection c, String chain, String genesis) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO audit_chain (chain, last_id, last_hash, "
                + "event_count) VALUES (?, 0, ?, 0) ON CONFLICT (chain) DO NOTHING")) {
            st.setString(1, chain);
            st.setString(2, genesis);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(
                "SELECT last_hash, event_count FROM audit_chain WHERE chain = ? FOR UPDATE")) {
            st.setString(1, chain);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new ChainHead(rs.getString(1), rs.getLong(2));
            }
        }
    }

    /** {@code n} new event ids from the sequence, in one round trip. */
    static long[] nextIds(Connection c, int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement st = c.prepareStatement("SELECT nextval('audit_event_id_seq') FROM generate_series(1, ?)")) {
            st.setInt(1, n);
            try (ResultSet rs = st.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    private static final String INSERT = "INSERT INTO audit_event (id, partner_id, occurred_at, actor_subject, actor_name, "
            + "client, ip_address, operation, resource_type, resource_id, resource_path, customer_id, summary, details, "
            + "prev_hash, hash) SELECT id, partner_id, occurred_at::timestamptz, actor_subject, actor_name, client, "
            + "ip_address, operation, resource_type, resource_id, resource_path, customer_id, summary, details, prev_hash, "
            + "hash FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) AS t(id, "
            + "partner_id, occurred_at, actor_subject, actor_name, client, ip_address, operation, resource_type, "
            + "resource_id, resource_path, customer_id, summary, details, prev_hash, hash)";

    /** Inserts events given column by column (id and customer_id as bigint, the rest as text), in one statement. */
    static void insertEvents(Connection c, Object[][] columns) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(INSERT)) {
            for (int k = 0; k < 16; k++) {
                st.setArray(k + 1, c.createArrayOf(k == 0 || k == 11 ? "bigint" : "text", columns[k]));
            }
            st.executeUpdate();
        }
    }

    /** Moves the chain's head to its new last event. */
    static void moveHead(Connection c, String chain, long lastId, String lastHash, long count) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE audit_chain SET last_id = ?, last_hash = ?, event_count = ? WHERE chain = ?")) {
            st.setLong(1, lastId);
            st.setString(2, lastHash);
            st.setLong(3, count);
            st.setString(4, chain);
            st.executeUpdate();
        }
    }
}
