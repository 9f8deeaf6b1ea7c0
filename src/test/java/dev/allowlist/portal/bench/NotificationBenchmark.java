package dev.allowlist.portal.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.catalog.CatalogPublication;
import dev.allowlist.portal.notify.SecretBox;
import dev.allowlist.portal.notify.Watch;
import dev.allowlist.portal.notify.core.WebhookSignature;
import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.platform.CatalogPublisher;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test of the suite (tag "bench"): bench/notifications.sh runs it. CUSTOMERS customers (default
 * 100,000) over 20 partners, each partner with a webhook and an e-mail subscription and 5 members on a
 * daily digest that is due; one catalog publication gives every customer a new version. Measures, from
 * the publication's end, how long until the outbox is drained (each message delivered to a real HTTP
 * receiver or a real SMTP server) and every digest is sent, how many messages that took, and the heap.
 */
@QuarkusTest
@Tag("bench")
class NotificationBenchmark {

    private static final Logger LOG = Logger.getLogger(NotificationBenchmark.class);
    private static final int PARTNERS = 20;
    private static final int MEMBERS = 5;

    @Inject
    CatalogPublisher publisher;

    @Inject
    SecretBox secrets;

    @Inject
    Watch watch;

    @Test
    void oneCatalogPublicationOverManyCustomersBecomesAFewMessages() throws Exception {
        TestPartners.ensureRegistered();
        int customers = Integer.getInteger("customers", 100_000);
        GreenMail smtp = new GreenMail(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        AtomicInteger webhooks = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            webhooks.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO partner (id, display_name) SELECT 'bench' || g, 'Bench ' || g FROM generate_series(1, "
                    + PARTNERS + ") g ON CONFLICT DO NOTHING");
            st.execute("INSERT INTO customer (partner_id, name, regions, wildcard_support, narrow_hydra, created_at, updated_at) "
                    + "SELECT 'bench' || (1 + g % " + PARTNERS + "), 'Bench customer ' || g, '{}'::varchar[], g % 2 = 0, false, "
                    + "now(), now() FROM generate_series(1, " + customers + ") g");
            st.execute("INSERT INTO customer_license (partner_id, customer_id, license) SELECT partner_id, id, 'ENDPOINT' "
                    + "FROM customer WHERE partner_id LIKE 'bench%'");
            try (PreparedStatement hook = c.prepareStatement("INSERT INTO subscription (partner_id, kind, target, version_events, "
                    + "catalog_events, secret_enc, created_by, created_at) VALUES (?, 'webhook', ?, true, true, ?, 'bench', now())");
                    PreparedStatement mail = c.prepareStatement("INSERT INTO subscription (partner_id, kind, target, "
                            + "version_events, catalog_events, unsubscribe_hash, created_by, created_at) VALUES (?, 'email', ?, "
                            + "false, true, md5(random()::text), 'bench', now())")) {
                for (int p = 1; p <= PARTNERS; p++) {
                    hook.setString(1, "bench" + p);
                    hook.setString(2, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/bench" + p);
                    hook.setString(3, secrets.seal(WebhookSignature.newSecret()));
                    hook.executeUpdate();
                    mail.setString(1, "bench" + p);
                    mail.setString(2, "ops@bench" + p + ".example");
                    mail.executeUpdate();
                }
            }
            st.execute("INSERT INTO member_digest (partner_id, subject, email, frequency, language, last_sent_at) "
                    + "SELECT 'bench' || p, 'member' || p || '-' || m, 'member' || m || '@bench' || p || '.example', 'daily', "
                    + "CASE WHEN m % 2 = 0 THEN 'ja' ELSE 'en' END, now() - interval '25 hours' "
                    + "FROM generate_series(1, " + PARTNERS + ") p, generate_series(1, " + MEMBERS + ") m");
            st.execute("ANALYZE");
        }

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        Arc.container().requestContext().activate();
        try {
            long start = System.nanoTime();
            long run = Arc.container().instance(CurrentMember.class).get().actingAs(Actor.platformSystem(),
                    () -> publisher.publish("sophos-central-2026.11"));
            Awaitility.await("the publication").atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(200)).until(() -> !"RUNNING".equals(
                            QuarkusTransaction.requiringNew().call(() -> CatalogPublication.<CatalogPublication>findById(run)).status));
            CatalogPublication p = QuarkusTransaction.requiringNew().call(() -> CatalogPublication.findById(run));
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 50,
                    TimeUnit.MILLISECONDS);
            long notifyStart = System.nanoTime();
            Awaitility.await("the outbox drained").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(50)).until(() ->
                            count("SELECT count(*) FROM outbox WHERE status = 'pending' AND partner_id LIKE 'bench%'") == 0);
            double drainedSeconds = (System.nanoTime() - notifyStart) / 1e9;
            int digests = watch.sendDueDigests();
            double seconds = (System.nanoTime() - notifyStart) / 1e9;
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.SECONDS);
            long versions = count("SELECT count(*) FROM allowlist_version WHERE partner_id LIKE 'bench%' AND cause = 'catalog-published'");
            long outbox = count("SELECT count(*) FROM outbox WHERE partner_id LIKE 'bench%'");
            long failed = count("SELECT count(*) FROM outbox WHERE partner_id LIKE 'bench%' AND status <> 'delivered'");
            String line = String.format("notifications: %d versions from one publication (published in %.1f s) -> %d outbox "
                    + "messages (%d webhooks received, %d failed), outbox drained %.1f s after the publication, %d digests sent, "
                    + "all in %.1f s (target < 60 s); %d mails at the SMTP server; heap %d MB before, peak %d MB (%s)",
                    versions, publishSeconds, outbox, webhooks.get(), failed, drainedSeconds, digests, seconds,
                    smtp.getReceivedMessages().length, heapBefore >> 20, peak.get() >> 20, p.status);
            LOG.info(line);
            Files.writeString(Path.of("target/bench-notifications.txt"), line + "\n");
            if (seconds >= 60 || failed > 0 || digests != PARTNERS * MEMBERS || outbox != 2L * PARTNERS) {
                throw new AssertionError(line);
            }
        } finally {
            sampler.shutdownNow();
            Arc.container().requestContext().terminate();
            receiver.stop(0);
            smtp.stop();
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
