package dev.allowlist.portal.partner;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.core.BaseConnection;

/**
 * Row-level security's half in the portal: every connection the pool hands out carries the setting
 * {@code portal.partner_id} that PostgreSQL's policies compare each row with, taken from the same
 * member that gives Hibernate its tenant ({@link CurrentMember#databaseTenant()}). Inside a
 * transaction the setting is transaction-local (SET LOCAL: gone at commit, safe behind a
 * transaction-pooling proxy); a connection used outside one carries it for the session, until the
 * pool hands it out again and this sets it anew. Work outside a request has no member: its connections see
 * no partner's rows until the work names one itself (the audit writer per chain, the publication
 * per batch).
 */
@ApplicationScoped
public class TenantConnections implements AgroalPoolInterceptor {

    /** The policies' setting; '' matches no row. */
    public static final String SETTING = "portal.partner_id";

    /**
     * The connections whose session (not just a transaction) names a partner: used outside a
     * transaction, they keep it when they go back to the pool, so their next user must overwrite it.
     * A connection not in here names none, and work with no partner costs it no round trip.
     */
    private static final Set<Object> SESSION_SCOPED = ConcurrentHashMap.newKeySet();

    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            String tenant = currentTenant();
            boolean transactionLocal = !connection.getAutoCommit();
            if (tenant.isEmpty() && !SESSION_SCOPED.contains(physical(connection))) {
                return; // nothing named, nothing to clear
            }
            set(connection, tenant, transactionLocal);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot scope the connection to its partner: " + e.getMessage(), e);
        }
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        try {
            SESSION_SCOPED.remove(physical(connection));
        } catch (SQLException e) {
            // not a PostgreSQL connection: never tracked
        }
    }

    /**
     * Names the tenant of the connection's current transaction (or, outside one, its session: then
     * the connection is remembered, so that its next user with no partner clears it). Every setting
     * of portal.partner_id goes through here.
     */
    public static void set(Connection connection, String tenant, boolean transactionLocal) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT set_config('" + SETTING + "', ?, ?)")) {
            st.setString(1, tenant);
            st.setBoolean(2, transactionLocal);
            st.execute();
        }
        if (!transactionLocal) {
            if (tenant.isEmpty()) {
                SESSION_SCOPED.remove(physical(connection));
            } else {
                SESSION_SCOPED.add(physical(connection));
            }
        }
    }

    private static Object physical(Connection connection) throws SQLException {
        return connection.unwrap(BaseConnection.class);
    }

    /** The tenant the pool gives the current thread's connections. */
    public static String currentTenant() {
        if (!Arc.container().requestContext().isActive()) {
            return "";
        }
        return Arc.container().instance(CurrentMember.class).get().databaseTenant();
    }
}
