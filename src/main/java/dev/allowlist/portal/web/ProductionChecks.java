package dev.allowlist.portal.web;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** A production start refuses an embedded database: release builds leave it out (-P '!embedded-postgres'). */
@Singleton
class ProductionChecks {

    static final String EMBEDDED = "io.quarkiverse.embedded.postgresql.EmbeddedPostgreSQLRecorder";

    void check(@Observes @Priority(1) StartupEvent start) {
        if (LaunchMode.current() == LaunchMode.NORMAL && present(EMBEDDED)) {
            throw new IllegalStateException("This build contains the embedded PostgreSQL, which is for development only. "
                    + "Build the release with ./mvnw package -P '!embedded-postgres' and set QUARKUS_DATASOURCE_JDBC_URL.");
        }
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
