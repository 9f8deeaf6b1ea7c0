package dev.allowlist.portal.allowlist;

import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.partner.PartnerDirectory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears, on one dedicated connection, what PostgreSQL announces on {@code portal_changes} (V10):
 * a customer's id when anything its allowlist serves changed, {@code catalog} when another version
 * became current, {@code partner:<slug>} when a partner was renamed or disabled,
 * {@code subscription:<slug>} when a partner's notification endpoint was added, removed, disabled or
 * enabled (V26). Drops the customer's snapshot, reloads the current catalog, or forgets the partner
 * (and verified tokens); each counts as a change for the caches that follow {@link CurrentAllowlists#changes()}. When the
 * connection is lost the cache stops keeping anything until it is back (announcements may have
 * been missed meanwhile).
 */
@ApplicationScoped
public class ChangeListener {

    static final String CHANNEL = "portal_changes";
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CurrentAllowlists cache;

    @Inject
    CatalogService catalogs;

    @Inject
    PartnerDirectory partners;

    private volatile boolean running;
    private Thread thread;

    // after the catalog is loaded (default priority), so that a reload never races the first load
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "portal-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2000); // it wakes at least every 500 ms and hands its connection back before the pool closes
        }
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                cache.listening(true);
                reloadCatalog(); // a publish on another instance may have been missed
                partners.forgetAll(); // and so may a partner's rename or disablement
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        handle(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.listening(false);
                if (running) {
                    LOG.warnf("Change listener lost its connection (%s); allowlists are not cached until it is back",
                            e.getMessage());
                    sleep();
                }
            }
        }
        cache.listening(false);
    }

    private void handle(String payload) {
        if ("catalog".equals(payload)) {
            reloadCatalog();
            cache.dropAll();
            return;
        }
        if (payload.startsWith("partner:")) {
            partners.forget(payload.substring("partner:".length()));
            cache.otherChange();
            return;
        }
        if (payload.startsWith("subscription:")) {
            cache.otherChange();
            return;
        }
        try {
            cache.drop(Long.parseLong(payload));
        } catch (NumberFormatException e) {
            LOG.warnf("Ignoring an unknown announcement on %s: %s", CHANNEL, payload);
        }
    }

    private void reloadCatalog() {
        // Hibernate asks the tenant resolver, which needs a request context (it answers "no tenant")
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            catalogs.reloadCurrent();
        } finally {
            context.terminate();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
