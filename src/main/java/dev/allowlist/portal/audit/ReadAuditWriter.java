package dev.allowlist.portal.audit;

import dev.allowlist.portal.partner.TenantConnections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Group commit for sensitive reads: requests hand their event over and wait; one writer takes
 * whatever has queued meanwhile and appends it to each partner's chain in one transaction, then
 * tells the owners of what was read ({@link AuditService.ReadsStored}). Hundreds of reads a second cost a few commits, not hundreds,
 * and each partner's chain lock is taken once per batch instead of once per read.
 */
@ApplicationScoped
class ReadAuditWriter {

    private static final Logger LOG = Logger.getLogger(ReadAuditWriter.class);
    private static final int MAX_BATCH = 2000;
    private static final long WAIT_SECONDS = 10;

    private record Pending(AuditService.Draft draft, AuditService.Once once, CompletableFuture<Void> stored) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<AuditService.ReadsStored> storedEvent;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private static final Executor CONTINUATIONS = ForkJoinPool.commonPool();
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "audit-read-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(WAIT_SECONDS * 1000); // writes what is queued, then ends
        }
    }

    /**
     * Appends the events of these chains (in the map's order) in one transaction of their own; returns
     * the reads whose events were written (a read whose claim found it recorded before is not).
     */
    private List<Pending> append(Map<String, List<Pending>> chains) {
        List<Pending> written = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                for (Map.Entry<String, List<Pending>> chain : chains.entrySet()) {
                    List<AuditService.Draft> drafts = new ArrayList<>(chain.getValue().size());
                    boolean scoped = false;
                    for (Pending p : chain.getValue()) {
                        if (p.once() != null) {
                            if (!scoped) { // the claims write the chain's partner's rows (row-level security)
                                TenantConnections.set(c, chain.getKey(), true);
                                scoped = true;
                            }
                            if (!p.once().claim(c)) {
                                continue; // recorded before (by another instance, or before a restart)
                            }
                        }
                        drafts.add(p.draft());
                        written.add(p);
                    }
                    if (!drafts.isEmpty()) {
                        AuditService.append(c, chain.getKey(), drafts, false);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        return written;
    }

    /** Queues the event and returns when it is stored; throws when it could not be (nothing may be served then). */
    void write(AuditService.Draft draft, AuditService.Once once) {
        try {
            submit(draft, once).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AuditUnavailableException u ? u
                    : new AuditUnavailableException(e.getCause() == null ? e.toString() : e.getCause().getMessage());
        }
    }

    /**
     * Queues the event; the stage completes once it is stored, or fails with {@link AuditUnavailableException}
     * (after at most {@value #WAIT_SECONDS} s). The caller waits without holding a thread.
     */
    CompletableFuture<Void> submit(AuditService.Draft draft, AuditService.Once once) {
        if (!running) {
            return CompletableFuture.failedFuture(new AuditUnavailableException("the audit writer is stopped"));
        }
        Pending pending = new Pending(draft, once, new CompletableFuture<>());
        queue.add(pending);
        return pending.stored().orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).<Void>handle((v, e) -> {
            if (e == null) {
                return null;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof AuditUnavailableException u ? u
                    : new AuditUnavailableException(cause instanceof TimeoutException ? "no answer in " + WAIT_SECONDS + " s"
                            : String.valueOf(cause.getMessage()));
        });
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Audit writer failed", e);
                batch.forEach(p -> p.stored().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void writeBatch(List<Pending> batch) {
        Map<String, List<Pending>> byChain = new TreeMap<>();
        for (Pending p : batch) {
            byChain.computeIfAbsent(p.draft().chain(), k -> new ArrayList<>()).add(p);
        }
        List<Pending> stored = new ArrayList<>();
        try {
            // one transaction (one commit) for every chain of the batch: firewalls of many partners poll
            // at once. Chain locks are taken in one order (sorted), so batches never deadlock each other.
            stored.addAll(append(byChain));
        } catch (RuntimeException together) {
            // then chain by chain, so that one partner's trouble refuses only that partner's reads
            LOG.warnf("Audit batch of %d chains failed together (%s); writing them one by one", byChain.size(),
                    together.getMessage());
            for (Map.Entry<String, List<Pending>> chain : byChain.entrySet()) {
                try {
                    stored.addAll(append(Map.of(chain.getKey(), chain.getValue())));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not store %d audit events of %s", chain.getValue().size(), chain.getKey());
                    chain.getValue().forEach(p -> p.stored().completeExceptionally(e));
                }
            }
        }
        // told before the requests go on, so that whoever pulled sees the count include the pull
        try {
            storedEvent.fire(new AuditService.ReadsStored(stored.stream().map(p -> new AuditService.StoredRead(
                    p.draft().partnerId(), p.draft().resourceType(), p.draft().resourceId(), p.draft().occurredAt()))
                    .toList()));
        } catch (RuntimeException e) {
            LOG.warnf("An observer of stored reads failed: %s", e.getMessage()); // the events are stored
        }
        // completed off this thread: what waits on a stored read (a response to write) never delays the next batch
        batch.forEach(p -> {
            if (!p.stored().isDone()) {
                p.stored().completeAsync(() -> null, CONTINUATIONS); // written, or recorded before
            }
        });
    }
}
