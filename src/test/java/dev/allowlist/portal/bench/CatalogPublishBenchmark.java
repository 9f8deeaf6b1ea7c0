package dev.allowlist.portal.bench;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.catalog.CatalogPublication;
import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.platform.CatalogPublisher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test of the suite (tag "bench", excluded by default): bench/catalog-publish.sh runs it. Loads
 * CUSTOMERS customers over 20 partners by SQL, then times publishing the bundled catalog over them
 * through the real publisher (every customer's allowlist generated, compared, versioned).
 */
@QuarkusTest
@Tag("bench")
class CatalogPublishBenchmark {

    private static final Logger LOG = Logger.getLogger(CatalogPublishBenchmark.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogPublisher publisher;

    @Test
    void publishOverManyCustomers() throws Exception {
        TestPartners.ensureRegistered();
        int customers = Integer.getInteger("customers", 10_000);
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO partner (id, display_name) SELECT 'bench' || g, 'Bench ' || g FROM generate_series(1, 20) g "
                    + "ON CONFLICT DO NOTHING");
            st.execute("INSERT INTO customer (partner_id, name, regions, wildcard_support, narrow_hydra, created_at, updated_at) "
                    + "SELECT 'bench' || (1 + g % 20), 'Bench customer ' || g, CASE WHEN g % 3 = 0 THEN '{eu-west-1}' ELSE '{}' END::varchar[], "
                    + "g % 2 = 0, g % 5 = 0, now(), now() FROM generate_series(1, " + customers + ") g");
            st.execute("INSERT INTO customer_license (partner_id, customer_id, license) SELECT partner_id, id, 'ENDPOINT' "
                    + "FROM customer WHERE partner_id LIKE 'bench%'");
            st.execute("INSERT INTO customer_license (partner_id, customer_id, license) SELECT partner_id, id, 'EDR' "
                    + "FROM customer WHERE partner_id LIKE 'bench%' AND id % 4 = 0");
            st.execute("INSERT INTO mcs_host (partner_id, customer_id, value, first_seen_at, last_seen_at, source) "
                    + "SELECT partner_id, id, 'mcs' || id || '.sophos.com', now(), now(), 'TYPED' FROM customer "
                    + "WHERE partner_id LIKE 'bench%'");
            st.execute("ANALYZE");
        }
        Arc.container().requestContext().activate();
        try {
            CurrentMember paula = Arc.container().instance(CurrentMember.class).get();
            long start = System.nanoTime();
            long run = paula.actingAs(Actor.platformSystem(), () -> publisher.publish("sophos-central-2026.11"));
            while (true) {
                CatalogPublication p = QuarkusTransaction.requiringNew().call(() -> CatalogPublication.findById(run));
                if (!"RUNNING".equals(p.status)) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    String line = String.format("catalog publish: %d customers in %.1f s (%.0f customers/s), %d new versions, %s",
                            p.total, seconds, p.total / seconds, p.changed, p.status);
                    LOG.info(line);
                    Files.writeString(Path.of("target/bench-catalog-publish.txt"), line + "\n");
                    break;
                }
                Thread.sleep(200);
            }
        } finally {
            Arc.container().requestContext().terminate();
        }
    }
}
