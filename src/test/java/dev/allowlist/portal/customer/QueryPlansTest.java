package dev.allowlist.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.allowlist.AllowlistRepository;
import dev.allowlist.portal.allowlist.WorkQueueRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every hot query has an index to serve it: planned as the application runs it (a prepared
 * statement's generic plan), with sequential scans priced out, no table may still be read whole,
 * neither by a Seq Scan nor by an index scan without an index condition.
 * A query whose index is missing keeps its Seq Scan here, whatever the size of the test data.
 */
@QuarkusTest
class QueryPlansTest {

    @Inject
    AgroalDataSource dataSource;

    /** The hot queries, in the shapes the services send them (Hibernate's, written out; native ones as they are). */
    static Map<String, String> hotQueries() {
        Map<String, String> q = new LinkedHashMap<>();
        for (CustomerFilter.Sort sort : CustomerFilter.Sort.values()) {
            // the plain list (the page's usual query: partner, offset, limit) in each order
            q.put("customers list page by " + sort.id(), CustomerRepository.listQuery(CustomerFilter.ALL.sortedBy(sort.id()), "")
                    .sql().replaceAll("\\?(\\d)", "\\$$1").replace("$1", "$1::varchar").replace("$2", "$2::int")
                    .replace("$3", "$3::int"));
        }
        // every filter at once: partner, name, region, license, product (and the state), offset, limit
        q.put("customers list page, every filter", CustomerRepository.listQuery(CustomerFilter.of("acme", "eu-west-1", "EDR",
                "panos", "pending", "pending"), "%acme%").sql().replaceAll("\\?(\\d)", "\\$$1").replace("$1", "$1::varchar")
                .replace("$2", "$2::text").replace("$3", "$3::text").replace("$4", "$4::text").replace("$5", "$5::text")
                .replace("$6", "$6::int").replace("$7", "$7::int"));
        q.put("dashboard: counts per state", WorkQueueRepository.COUNTS_SQL.replace("?1", "$1::varchar") + " AND $2::bigint IS NOT NULL");
        q.put("dashboard: the chart's days", WorkQueueRepository.DAYS_SQL.replace("?1", "$1::varchar").replace("?2", "$2::int"));
        q.put("dashboard: the oldest waiting", WorkQueueRepository.WAITING_SQL.replace("?1", "$1::varchar").replace("?2", "$2::int"));
        q.put("a customer's snapshot (allowlist, versions, feeds: one round trip)",
                AllowlistRepository.SNAPSHOT_SQL.replaceFirst("\\?", "\\$1::varchar")
                        .replaceFirst("\\?", "\\$2::bigint"));
        q.put("customer with licenses (detail)", "SELECT c.*, l.* FROM customer c LEFT JOIN customer_license l "
                + "ON l.customer_id = c.id WHERE c.partner_id = $1::varchar AND c.id = $2::bigint");
        // collections load by customer_id alone (Hibernate adds no tenant condition to them)
        q.put("a customer's hosts", "SELECT * FROM mcs_host WHERE customer_id = $2::bigint AND $1::varchar IS NOT NULL "
                + "ORDER BY value");
        q.put("a customer's licenses", "SELECT * FROM customer_license WHERE customer_id = $2::bigint "
                + "AND $1::varchar IS NOT NULL ORDER BY license");
        q.put("newest version number", "SELECT number, created_at FROM allowlist_version WHERE partner_id = $1::varchar "
                + "AND customer_id = $2::bigint ORDER BY number DESC LIMIT 1");
        q.put("applied version", "SELECT number FROM applied_version WHERE partner_id = $1::varchar AND customer_id = $2::bigint "
                + "ORDER BY id DESC LIMIT 1");
        q.put("a customer's active feeds", "SELECT id, format FROM feed WHERE partner_id = $1::varchar "
                + "AND customer_id = $2::bigint AND revoked_at IS NULL ORDER BY id");
        q.put("feed by token", "SELECT id, partner_id, customer_id, format FROM feed WHERE token_hash = $1::varchar "
                + "AND revoked_at IS NULL AND $2::bigint IS NOT NULL");
        q.put("change report: versions", "SELECT number, cause, actor, created_at FROM allowlist_version "
                + "WHERE partner_id = $1::varchar AND customer_id = $2::bigint ORDER BY number DESC");
        q.put("change report: two contents", "SELECT number, entries FROM allowlist_version WHERE partner_id = $1::varchar "
                + "AND customer_id = $2::bigint AND number IN (1, 2)");
        q.put("partner report of a period", "SELECT customer_id, min(number), max(number) FROM allowlist_version "
                + "WHERE partner_id = $1::varchar AND created_at >= now() - interval '7 days' AND created_at < now() "
                + "AND $2::bigint IS NOT NULL GROUP BY customer_id ORDER BY customer_id");
        q.put("recent installer logs", "SELECT * FROM installer_log_upload WHERE partner_id = $1::varchar "
                + "AND customer_id = $2::bigint ORDER BY last_uploaded_at DESC LIMIT 10");
        q.put("audit history, first page", "SELECT * FROM audit_event WHERE chain = $1::varchar "
                + "AND $2::bigint IS NOT NULL ORDER BY id DESC LIMIT 51");
        q.put("audit history, a later page", "SELECT * FROM audit_event WHERE chain = $1::varchar "
                + "AND id < $2::bigint ORDER BY id DESC LIMIT 51");
        q.put("audit history of a customer", "SELECT * FROM audit_event WHERE chain = $1::varchar "
                + "AND customer_id = $2::bigint ORDER BY id DESC LIMIT 51");
        q.put("audit history of a period", "SELECT * FROM audit_event WHERE chain = $1::varchar "
                + "AND occurred_at >= now() - interval '7 days' AND occurred_at < now() AND $2::bigint IS NOT NULL "
                + "ORDER BY id DESC LIMIT 51");
        q.put("audit chain head", "SELECT last_hash, event_count FROM audit_chain WHERE chain = $1::varchar "
                + "AND $2::bigint IS NOT NULL FOR UPDATE");
        return q;
    }

    /**
     * Pages of a whole partner's history: read in the index's order, stopping after one page (a sort
     * would read the partner's whole history). One customer's few events may be sorted.
     */
    static final Set<String> IN_INDEX_ORDER = Set.of("audit history, first page",
            "audit history, a later page");

    @Test
    void everyHotQueryIsServedByAnIndex() throws Exception {
        TestPartners.ensureRegistered();
        ObjectMapper mapper = new ObjectMapper();
        List<String> scans = new ArrayList<>();
        // In one transaction, rolled back at the end: 100 partners with long histories (so that the planner
        // weighs real numbers), then the plans as the portal's role with its partner set, so that they
        // include row-level security's predicates.
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("INSERT INTO audit_event (partner_id, occurred_at, actor_subject, operation, resource_type, "
                    + "customer_id, summary, details, prev_hash, hash) SELECT 'zz-history-' || (i % 100), now() - i * interval '1 minute', "
                    + "'probe', 'ACTION', 'export', i % 500, 'probe', '{}', '', '' FROM generate_series(1, 200000) i");
            st.execute("ANALYZE audit_event");
            st.execute("SET LOCAL ROLE allowlist_app");
            st.execute("SET LOCAL enable_seqscan = off");
            st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            Map<String, String> leading = leadingColumns(st);
            int n = 0;
            for (Map.Entry<String, String> query : hotQueries().entrySet()) {
                String name = "hot" + n++;
                String sql = query.getValue();
                boolean hasLimitParams = sql.contains("$3");
                st.execute("PREPARE " + name + " AS " + sql);
                String partner = query.getKey().startsWith("audit history") ? "zz-history-7" : "acme";
                st.execute("SELECT set_config('portal.partner_id', '" + partner + "', true)");
                String args = sql.contains("$7::int") ? "('acme', '%a%', 'eu-west-1', 'EDR', 'panos', 0, 20)"
                        : query.getKey().startsWith("customers list page") ? "('acme', 0, 20)"
                        : hasLimitParams ? "('acme', '', 0, 20)" : "('" + partner + "', 1)";
                try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE " + name + args)) {
                    rs.next();
                    JsonNode plan = mapper.readTree(rs.getString(1)).get(0).get("Plan");
                    collectWholeReads(plan, query.getKey(), leading, scans);
                    if (IN_INDEX_ORDER.contains(query.getKey()) && plan.toString().contains("\"Node Type\":\"Sort\"")) {
                        // a page of the history must come from the index in order, not by sorting a
                        // partner's whole history (what an OR in the row-level security policy caused)
                        scans.add(query.getKey() + ": sorted instead of read in index order");
                    }
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(scans).as("sequential scans left in hot queries").isEmpty();
    }

    /**
     * A partner with a large share of the history, whose newest events are all other partners': its first
     * page must still be read from its own chain's index, whatever plan the statistics suggest. With the
     * key on id alone, PostgreSQL walked that key backwards, filtering by chain (7 ms for a page on the
     * bench database, past 19,901 other partners' events).
     */
    @Test
    void aBusyPartnersHistoryIsReadFromItsOwnChainEvenWhenOthersWroteLast() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> scans = new ArrayList<>();
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            String insert = "INSERT INTO audit_event (partner_id, occurred_at, actor_subject, operation, resource_type, "
                    + "customer_id, summary, details, prev_hash, hash) SELECT %s, now(), 'probe', 'ACTION', 'export', 1, "
                    + "'probe', '{}', '', '' FROM generate_series(1, %d) i";
            st.execute(String.format(insert, "'zz-busy'", 40_000));
            st.execute(String.format(insert, "'zz-quiet-' || (i % 50)", 60_000));
            st.execute("ANALYZE audit_event");
            Map<String, String> leading = leadingColumns(st);
            st.execute("SET LOCAL ROLE allowlist_app");
            st.execute("SELECT set_config('portal.partner_id', 'zz-busy', true)");
            // a custom plan, as PostgreSQL makes for a prepared statement's first executions
            try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) SELECT * FROM audit_event WHERE chain = 'zz-busy' "
                    + "ORDER BY id DESC LIMIT 51")) {
                rs.next();
                collectWholeReads(mapper.readTree(rs.getString(1)).get(0).get("Plan"), "busy partner's first page", leading,
                        scans);
            }
            c.rollback();
        }
        assertThat(scans).isEmpty();
    }

    /** Each index's leading column, by the index's name. */
    private static Map<String, String> leadingColumns(Statement st) throws SQLException {
        Map<String, String> leading = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT i.relname, a.attname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                + "JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]")) {
            while (rs.next()) {
                leading.put(rs.getString(1), rs.getString(2));
            }
        }
        return leading;
    }

    private static void collectWholeReads(JsonNode node, String query, Map<String, String> leading, List<String> scans) {
        String type = node.path("Node Type").asText();
        if ("Seq Scan".equals(type)) {
            scans.add(query + ": Seq Scan on " + node.path("Relation Name").asText());
        }
        // an index walked end to end (nothing bounds its leading column) reads the whole table too
        if (type.equals("Index Scan") || type.equals("Index Only Scan") || type.equals("Bitmap Index Scan")) {
            String index = node.path("Index Name").asText();
            String column = leading.get(index);
            String cond = node.path("Index Cond").asText("");
            if (column == null || !Pattern.compile("\\b" + column + "\\b").matcher(cond).find()) {
                scans.add(query + ": " + type + " of " + index + " without a condition on " + column + " (" + cond + ")");
            }
        }
        for (JsonNode child : node.path("Plans")) {
            collectWholeReads(child, query, leading, scans);
        }
    }
}
