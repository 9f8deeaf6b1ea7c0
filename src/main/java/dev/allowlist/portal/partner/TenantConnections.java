package dev.allowlist.portal.partner;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Row-level security's half in the portal: every connection the pool hands out carries the setting
 * {@code portal.partner_id} that PostgreSQL's policies compare each row with, taken from the same
 * member that gives Hibernate its tenant ({@link CurrentMember#databaseTenant()}). Inside a
 * transaction the setting is transaction-local (SET LOCAL: gone at commit, safe behind a
 * transaction-pooling proxy); a connection used outside one carries it for the session and has it
 * cleared when it goes back to the pool. Work outside a request has no member: its connections see
 * no partner's rows until the work names one itself (the audit writer per chain, the publication
 * per batch).
 */
@ApplicationScoped
public class TenantConnections implements AgroalPoolInterceptor {

    /** The policies' setting; '' matches no row. */
    public static final String SETTING = "portal.partner_id";

    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            set(connection, currentTenant(), !connection.getAutoCommit());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot scope the connection to its partner: " + e.getMessage(), e);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            if (!connection.isClosed() && connection.getAutoCommit()) {
                set(connection, "", false);
            }
        } catch (SQLException e) {
            // a broken connection: the pool discards it, and its setting with it
        }
    }

    /** Names the tenant of the connection's current transaction (or, outside one, its session). */
    public static void set(Connection connection, String tenant, boolean transactionLocal) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT set_config('" + SETTING + "', ?, ?)")) {
            st.setString(1, tenant);
            st.setBoolean(2, transactionLocal);
            st.execute();
        }
    }

    private static String currentTenant() {
        if (!Arc.container().requestContext().isActive()) {
            return "";
        }
        return Arc.container().instance(CurrentMember.class).get().databaseTenant();
    }
}
