package dev.allowlist.portal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Connections of the tests' own, beside the portal's pool: as the database's owner (who migrates, sees
 * every partner's rows and may lift triggers), or as the portal's role with a partner of the test's
 * choosing. The portal's pool is neither: it runs as allowlist_app, scoped to the request's partner.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    /** The owner (Flyway's user): the database's own view, every partner together. */
    public static Connection owner() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(url(), config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    /** The portal's role, logged in as the owner and switched as the embedded setup does, or directly. */
    public static Connection app() throws SQLException {
        Connection c = owner();
        c.createStatement().execute("SET ROLE allowlist_app");
        return c;
    }
}
