package dev.allowlist.portal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The partners the test users belong to, registered as a platform admin would (idempotent). */
public final class TestPartners {

    private TestPartners() {
    }

    public static void ensureRegistered() {
        try (Connection connection = TestDatabase.owner();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO partner (id, display_name, created_at) VALUES (?, ?, now()) ON CONFLICT (id) DO NOTHING")) {
            for (String[] partner : new String[][] { { "acme", "Acme MSP" }, { "globex", "Globex IT" } }) {
                insert.setString(1, partner[0]);
                insert.setString(2, partner[1]);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts rows of a table, all partners together (the database's own view, not a tenant's). */
    public static long count(String table) {
        try (Connection connection = TestDatabase.owner();
                var rs = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
