package dev.allowlist.portal.partner;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
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
     * What the session (not just a transaction) of each connection names: a connection used outside a
     * transaction keeps its setting when it goes back to the pool, so its next user must overwrite it, or
     * may leave it when it names the same partner (a page's queries outside a transaction each take a
     * connection: one round trip saved per query). {@link #UNKNOWN} when it was set inside a transaction,
     * which a rollback would undo: then the next user always sets it. A connection not in here names none,
     * and work with no partner costs it no round trip.
     */
    private static final Map<Object, Object> SESSION = new ConcurrentHashMap<>();

    /** A session setting made inside a transaction: it may have been rolled back, so it is never trusted. */
    private static final Object UNKNOWN = new Object();

    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            scope(connection, currentTenant());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot scope the connection to its partner: " + e.getMessage(), e);
        }
    }

    /**
     * Names the tenant on a connection the pool hands out: inside a transaction for the transaction (always),
     * outside one for the session, unless the session is known to name it already.
     */
    public static void scope(Connection connection, String tenant) throws SQLException {
        boolean transactionLocal = !connection.getAutoCommit();
        Object session = SESSION.get(physical(connection));
        if (!transactionLocal && (session == null ? tenant.isEmpty() : tenant.equals(session))) {
            return; // the session names this partner already (or none, as wanted)
        }
        set(connection, tenant, transactionLocal);
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        try {
            SESSION.remove(physical(connection));
        } catch (SQLException e) {
            // not a PostgreSQL connection: never tracked
        }
    }

    /**
     * Names the tenant of the connection's current transaction (or, outside one, its session: then
     * the connection is remembered, so that its next user with another partner, or none, sets it again).
     * Every setting of portal.partner_id goes through here.
     */
    public static void set(Connection connection, String tenant, boolean transactionLocal) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT set_config('" + SETTING + "', ?, ?)")) {
            st.setString(1, tenant);
            st.setBoolean(2, transactionLocal);
            st.execute();
        }
        if (!transactionLocal) {
            Object physical = physical(connection);
            if (!connection.getAutoCommit()) {
                SESSION.put(physical, UNKNOWN); // a rollback would restore what was there before
            } else if (tenant.isEmpty()) {
                SESSION.remove(physical);
            } else {
                SESSION.put(physical, tenant);
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
