package dev.allowlist.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.partner.TenantConnections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's row-level security, the second wall behind Hibernate's tenant filter (issue 13): the
 * portal's own pool runs as allowlist_app, and a query that forgets its partner still sees one.
 */
@QuarkusTest
class RowLevelSecurityTest {

    /** The tables every feature started with; the rest are found by their partner_id column. */
    static final List<String> FIRST_TENANT_TABLES = List.of("member", "customer", "customer_license", "mcs_host",
            "installer_log_upload", "allowlist_version", "applied_version", "feed", "audit_event");

    /** Every table with a partner_id column: a table a later feature adds is covered without being named here. */
    static List<String> tenantTables() {
        List<String> tables = new ArrayList<>();
        try (Connection owner = TestDatabase.owner(); Statement st = owner.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
                        + "AND column_name = 'partner_id' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(tables).containsAll(FIRST_TENANT_TABLES).contains("subscription", "outbox", "check_token");
        return List.copyOf(tables);
    }

    @Inject
    AgroalDataSource pool;

    @BeforeEach
    void bothPartnersHaveData() {
        TestPartners.ensureRegistered();
        long acme = Customers.create("alice", Customers.uniqueName("RLS acme"), List.of("EDR"));
        Customers.addHost("alice", acme, "mcs.prod.hydra.sophos.com");
        long globex = Customers.create("bob", Customers.uniqueName("RLS globex"), List.of("EDR"));
        Customers.addHost("bob", globex, "mcs.prod.hydra.sophos.com");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Names the partner for the connection's session, the way the portal's code does. */
    private static void scope(Connection c, String partner) throws SQLException {
        TenantConnections.set(c, partner, false);
    }

    @Test
    void thePortalsPoolRunsAsARoleThatCannotBypassRowLevelSecurity() throws Exception {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_user, r.rolsuper, r.rolbypassrls FROM pg_roles r "
                        + "WHERE r.rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("allowlist_app");
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getBoolean(3)).isFalse();
        }
        try (Connection owner = TestDatabase.owner()) {
            for (String table : tenantTables()) {
                assertThat(count(owner, "SELECT count(*) FROM pg_class WHERE relname = '" + table
                        + "' AND relrowsecurity AND relforcerowsecurity")).as(table).isEqualTo(1);
            }
        }
    }

    @Test
    void aQueryThatForgetsItsPartnerSeesOnlyTheCurrentPartner() throws Exception {
        try (Connection owner = TestDatabase.owner(); Connection c = pool.getConnection()) {
            scope(c, "acme");
            for (String table : tenantTables()) {
                if (List.of("member", "customer", "customer_license", "mcs_host", "allowlist_version", "audit_event")
                        .contains(table)) { // what the set-up gave globex for certain
                    assertThat(count(owner, "SELECT count(*) FROM " + table + " WHERE partner_id = 'globex'")).as(table)
                            .isPositive();
                }
                // no partner predicate at all: still only acme's rows
                assertThat(count(c, "SELECT count(*) FROM " + table + " WHERE partner_id IS DISTINCT FROM 'acme'"))
                        .as(table).isZero();
                assertThat(count(c, "SELECT count(*) FROM " + table)).as(table)
                        .isEqualTo(count(owner, "SELECT count(*) FROM " + table + " WHERE partner_id = 'acme'"));
            }
        }
    }

    /**
     * The customer list's own statement (JDBC since the list stopped going through Hibernate), bound with
     * another partner's id on a connection scoped to acme: row-level security leaves it nothing, where the
     * owner's connection finds that partner's customers with the same statement.
     */
    @Test
    void theCustomerListsStatementNamingAnotherPartnerFindsNothingOnAScopedConnection() throws Exception {
        CustomerRepository.Positional text = CustomerRepository.Positional
                .of(CustomerRepository.listQuery(CustomerFilter.ALL, "").sql());
        try (Connection owner = TestDatabase.owner(); Connection c = pool.getConnection()) {
            scope(c, "acme");
            assertThat(listed(owner, text, "globex")).isPositive();
            assertThat(listed(c, text, "acme")).isPositive();
            assertThat(listed(c, text, "globex")).isZero();
        }
    }

    /** The rows of the list's first page for a partner: ?1 the partner, ?2 the offset, ?3 the limit. */
    private static int listed(Connection c, CustomerRepository.Positional text, String partner) throws SQLException {
        int rows = 0;
        try (PreparedStatement st = CustomerRepository.prepare(c, text, List.of(partner, 0L, 20));
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    @Test
    void aSessionSettingThatARollbackUndidIsNeverTrusted() throws Exception {
        try (Connection c = pool.getConnection()) {
            TenantConnections.scope(c, "acme");
            assertThat(setting(c)).isEqualTo("acme");
            TenantConnections.scope(c, "acme"); // known to name acme: left as it is
            assertThat(setting(c)).isEqualTo("acme");
            c.setAutoCommit(false);
            TenantConnections.set(c, "globex", false); // the session's setting, inside a transaction...
            c.rollback(); // ...undone by its rollback
            c.setAutoCommit(true);
            assertThat(setting(c)).isEqualTo("acme");
            TenantConnections.scope(c, "globex");
            assertThat(setting(c)).isEqualTo("globex");
            assertThat(count(c, "SELECT count(*) FROM customer WHERE partner_id <> 'globex'")).isZero();
            TenantConnections.scope(c, "");
            assertThat(setting(c)).isEmpty();
            assertThat(count(c, "SELECT count(*) FROM customer")).isZero();
        }
    }

    private static String setting(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('" + TenantConnections.SETTING + "', true)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aConnectionWithNoPartnerSeesNoTenantRowAtAll() throws Exception {
        try (Connection c = pool.getConnection()) {
            scope(c, "");
            for (String table : tenantTables()) {
                assertThat(count(c, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
        }
        // and outside any request, the pool names no partner by itself, whatever the connection's last
        // user named for its session
        for (int i = 0; i < 5; i++) {
            try (Connection c = pool.getConnection()) {
                scope(c, "acme");
                assertThat(count(c, "SELECT count(*) FROM customer")).isPositive();
            }
            try (Connection c = pool.getConnection()) {
                assertThat(count(c, "SELECT count(*) FROM customer")).isZero();
            }
        }
    }

    @Test
    void rowsOfAnotherPartnerCannotBeWrittenAndTheHistoryCannotBeChanged() throws Exception {
        try (Connection c = pool.getConnection()) {
            scope(c, "acme");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("INSERT INTO customer (partner_id, name, created_at, "
                    + "updated_at) VALUES ('globex', 'Planted', now(), now())")).hasMessageContaining("row-level security");
            assertThat(c.createStatement().executeUpdate("UPDATE customer SET name = 'Renamed' WHERE partner_id = 'globex'"))
                    .isZero();
            assertThatThrownBy(() -> c.createStatement().executeUpdate("UPDATE audit_event SET summary = 'x'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("DELETE FROM audit_event"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT audit_redact_feed_paths()"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theCrossTenantFunctionsAnswerOnlyWhatTheyAreNamedFor() throws Exception {
        try (Connection owner = TestDatabase.owner(); Connection c = pool.getConnection()) {
            scope(c, "acme");
            assertThat(count(c, "SELECT portal_customer_count()")).isEqualTo(count(owner, "SELECT count(*) FROM customer"));
            List<String> partners = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT DISTINCT partner_id FROM portal_customers_after('', 0, 100000)")) {
                while (rs.next()) {
                    partners.add(rs.getString(1));
                }
            }
            assertThat(partners).contains("acme", "globex");
            assertThat(count(c, "SELECT count(*) FROM portal_feed_by_token_hash('no such hash')")).isZero();
            // the functions' role is no way around the policies for the portal itself
            assertThatThrownBy(() -> c.createStatement().execute("SET ROLE allowlist_crosstenant"))
                    .hasMessageContaining("permission denied");
        }
    }
}
