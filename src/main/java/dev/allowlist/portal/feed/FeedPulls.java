package dev.allowlist.portal.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.partner.TenantConnections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * What a feed pull leaves behind. An auditor needs to know which version reached which firewall and
 * when, not a row per poll: a pull that serves a version (its ETag) this feed has not served to this
 * client address before is audited ("version N delivered to client"), through the audit's group commit
 * together with its row in {@code feed_delivery}, in one transaction, before the pull is answered.
 * The row's primary key decides: pulls of one delivery racing, on one instance or several, or again
 * after a restart, audit it once.
 * Every other pull only moves the feed's counters (pulls, not modified, last pull, last client), which
 * live in memory and are flushed every few seconds: a crash loses at most those seconds of counts,
 * never a delivery event.
 */
@ApplicationScoped
public class FeedPulls {

    private static final Logger LOG = Logger.getLogger(FeedPulls.class);

    private record Delivery(long feedId, String etag, String client) {
    }

    /** One feed's pulls since the last flush. */
    private static final class Counts {
        final String partnerId;
        final LongAdder pulls = new LongAdder();
        final LongAdder notModified = new LongAdder();
        volatile Instant last = Instant.EPOCH;
        volatile String lastClient;

        Counts(String partnerId) {
            this.partnerId = partnerId;
        }
    }

    @Inject
    AuditService audit;

    @Inject
    AgroalDataSource dataSource;


    /** Deliveries known to be recorded (a miss asks the table; the table is the truth). */
    private final Cache<Delivery, CompletableFuture<Void>> recorded = Caffeine.newBuilder().maximumSize(200_000).build();

    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private volatile ConcurrentHashMap<Long, Counts> counts = new ConcurrentHashMap<>();

    /**
     * One pull of a feed, answered with this version (or 304 when the client had it already). The stage
     * completes when the pull may be answered: at once, or once its delivery is recorded.
     */
    public CompletionStage<Void> pulled(String partnerId, long feedId, long customerId, String format, int version, String etag,
            String client, boolean notModified) {
        String from = client == null || client.isBlank() ? "unknown" : client;
        Counts c = counts.computeIfAbsent(feedId, id -> new Counts(partnerId));
        c.pulls.increment();
        if (notModified) {
            c.notModified.increment();
        }
        c.last = Instant.now();
        c.lastClient = from;
        if (notModified) {
            return DONE; // the client has this version: nothing was delivered
        }
        Delivery delivery = new Delivery(feedId, etag, from);
        CompletableFuture<Void> known = recorded.getIfPresent(delivery);
        if (known != null && known.isDone()) {
            if (!known.isCompletedExceptionally()) {
                return DONE;
            }
            recorded.asMap().remove(delivery, known); // it was not recorded: this pull tries again
        }
        // pulls of one delivery on this instance share one recording (the others wait for it, holding no
        // thread). The delivery's row and its event are written together by the audit's group commit, before
        // the pull is answered: the row's primary key decides, once across instances and restarts.
        CompletableFuture<Void> recording = recorded.get(delivery, d -> audit.recordReadOnceLater(AuditService.Operation.ACTION,
                ResourceType.FEED, feedId, customerId, "Feed version " + version + " delivered to " + from + " (" + format + ")",
                Map.of("format", format, "etag", etag, "version", version, "client", from),
                connection -> FeedRepository.claimDelivery(connection, partnerId, d.feedId(), d.etag(), d.client(), version)).toCompletableFuture());
        recording.whenComplete((v, e) -> {
            if (e != null) {
                recorded.asMap().remove(delivery, recording); // not recorded: the next pull tries again
            }
        });
        return recording;
    }

    /** Writes the counts gathered since the last flush, partner by partner (row-level security). */
    @Scheduled(every = "${portal.feeds.counts-flush}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flush() {
        ConcurrentHashMap<Long, Counts> taken = counts;
        if (taken.isEmpty()) {
            return;
        }
        counts = new ConcurrentHashMap<>();
        Map<String, List<Map.Entry<Long, Counts>>> byPartner = new TreeMap<>();
        taken.entrySet().forEach(e -> byPartner.computeIfAbsent(e.getValue().partnerId, k -> new ArrayList<>()).add(e));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = FeedRepository.addCounts(c)) {
                for (Map.Entry<String, List<Map.Entry<Long, Counts>>> p : byPartner.entrySet()) {
                    try {
                        TenantConnections.set(c, p.getKey(), true);
                        for (Map.Entry<Long, Counts> e : p.getValue()) {
                            OffsetDateTime at = OffsetDateTime.ofInstant(e.getValue().last, ZoneOffset.UTC);
                            st.setLong(1, e.getValue().pulls.sum());
                            st.setLong(2, e.getValue().notModified.sum());
                            st.setObject(3, at);
                            st.setObject(4, at);
                            st.setString(5, e.getValue().lastClient);
                            st.setString(6, p.getKey());
                            st.setLong(7, e.getKey());
                            st.addBatch();
                        }
                        st.executeBatch();
                        c.commit();
                    } catch (SQLException e) {
                        st.clearBatch();
                        c.rollback();
                        putBack(p.getValue());
                        LOG.debugf("Feed counts of %s not written yet: %s", p.getKey(), e.getMessage());
                    }
                }
            }
        } catch (SQLException e) {
            // the database is away: every count goes back, to be written with the next flush
            byPartner.values().forEach(this::putBack);
            LOG.debugf("Feed counts not written yet: %s", e.getMessage());
        }
    }

    private void putBack(List<Map.Entry<Long, Counts>> unwritten) {
        for (Map.Entry<Long, Counts> e : unwritten) {
            counts.merge(e.getKey(), e.getValue(), (now, old) -> {
                now.pulls.add(old.pulls.sum());
                now.notModified.add(old.notModified.sum());
                return now;
            });
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        flush();
    }
}
