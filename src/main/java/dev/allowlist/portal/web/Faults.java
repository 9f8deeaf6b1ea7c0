package dev.allowlist.portal.web;

import dev.allowlist.portal.customer.StaleVersionException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

/** What kind of fault an exception is, by its whole cause chain (wrappers hide the cause). */
final class Faults {

    static final String RETRY_AFTER_SECONDS = "5";

    enum Kind { CONFLICT, DUPLICATE, DATABASE_UNAVAILABLE, UNEXPECTED }

    /** PostgreSQL's SQLSTATEs of a server that is going away or not accepting connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private Faults() {
    }

    /** The most telling kind among the exception, its causes and what they suppressed. */
    static Kind classify(Throwable e) {
        Kind found = Kind.UNEXPECTED;
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        todo.add(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (seen.put(t, true) != null) {
                continue;
            }
            Kind kind = kindOf(t);
            if (kind.ordinal() < found.ordinal()) {
                found = kind;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return found;
    }

    private static Kind kindOf(Throwable t) {
        if (t instanceof OptimisticLockException || t instanceof StaleStateException || t instanceof StaleVersionException) {
            return Kind.CONFLICT;
        }
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof ConnectException) {
            return Kind.DATABASE_UNAVAILABLE;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                return Kind.DATABASE_UNAVAILABLE;
            }
            if ("23505".equals(state)) {
                return Kind.DUPLICATE;
            }
            // Agroal's pool: no connection could be had in time (the server does not answer)
            if (state == null && sql.getMessage() != null && sql.getMessage().contains("cquisition timeout")) {
                return Kind.DATABASE_UNAVAILABLE;
            }
        }
        return Kind.UNEXPECTED;
    }

    /** Whether a database access is part of the fault (a JDBC or persistence exception anywhere in it). */
    static boolean involvesDatabase(Throwable e) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof PersistenceException
                    || t instanceof JDBCException) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
