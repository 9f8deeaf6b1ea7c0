package dev.allowlist.portal.platform;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import dev.allowlist.portal.allowlist.core.AllowlistGenerator;
import dev.allowlist.portal.allowlist.AllowlistVersions;
import dev.allowlist.portal.allowlist.core.ChangeReport;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.catalog.core.CatalogDiff;
import dev.allowlist.portal.catalog.CatalogPublication;
import dev.allowlist.portal.catalog.CatalogPublished;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.partner.Role;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Publishing a catalog version: a preview (rule diff, and how many customers of how many partners
 * change, with samples), then making it current and bringing every customer's allowlist to it,
 * partner by partner in batches, in the background. The cursor is saved with each batch, so a run
 * interrupted resumes where it stopped.
 *
 * <p>Several instances: a run belongs to the instance that holds its lease. Each batch locks the run's
 * row, checks that this instance still owns it and that the cursor is the one the batch was read
 * from, applies the batch, moves the cursor and renews the lease, all in one transaction. Every
 * instance looks every few seconds for runs whose lease ran out (their instance died) and takes them
 * over from the cursor; an instance that stops gracefully gives its lease up at once.
 */
@ApplicationScoped
public class CatalogPublisher {

    private static final Logger LOG = Logger.getLogger(CatalogPublisher.class);
    private static final int BATCH = 500;
    /** This instance, as the lease names it. */
    static final String INSTANCE = host() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private static final TypeReference<List<AllowlistEntry>> ENTRIES = new TypeReference<>() { };

    /** One sample of the impact: a customer (by partner and id only) and its change report. */
    public record Sample(String partnerId, long customerId, ChangeReport report) {
    }

    public record Preview(String candidateId, String currentId, CatalogDiff diff, int customers, int customersChanged,
            int partnersChanged, List<Sample> samples) {

        public boolean isCurrent() {
            return candidateId.equals(currentId);
        }
    }

    @Inject
    CatalogService catalogs;

    @Inject
    PublicationRepository publications;

    @Inject
    AllowlistVersions versions;

    @Inject
    CurrentMember member;

    @Inject
    AuditService audit;

    @Inject
    ObjectMapper json;

    @Inject
    Event<CatalogPublished> published;

    @Inject
    PortalConfig config;

    /** The runs this instance is working on (not to be submitted twice). */
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catalog-publisher");
        t.setDaemon(true);
        return t;
    });

    /**
     * What publishing would do. Reads every customer of every partner (the platform's view: the
     * query names partner_id in each row), generates with the candidate and compares content hashes.
     */
    public Preview preview(String versionId) {
        CatalogService.Loaded candidate = catalogs.find(versionId).orElseThrow(NotFoundException::new);
        CatalogService.Loaded current = catalogs.current();
        AllowlistGenerator generator = new AllowlistGenerator(candidate.catalog());
        Set<String> partners = new HashSet<>();
        List<Sample> samples = new ArrayList<>();
        int[] counts = new int[2]; // customers, changed
        try {
            publications.eachProfile(row -> {
                counts[0]++;
                var allowlist = generator.generate(row.profile(), row.hosts());
                if (!allowlist.contentHash().equals(row.latestHash())) {
                    counts[1]++;
                    partners.add(row.partnerId());
                    if (samples.size() < 3) {
                        List<AllowlistEntry> before = row.latestEntries() == null ? List.of()
                                : json.readValue(row.latestEntries(), ENTRIES);
                        samples.add(new Sample(row.partnerId(), row.customerId(), ChangeReport.between(row.latestNumber(),
                                before, row.latestNumber() + 1, allowlist.entries(), List.of())));
                    }
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Preview(candidate.versionId(), current.versionId(),
                CatalogDiff.between(current.catalog(), candidate.catalog()), counts[0], counts[1], partners.size(), samples);
    }

    /** Makes the version current and starts bringing every allowlist to it; returns the run's id. */
    public long publish(String versionId) {
        catalogs.find(versionId).orElseThrow(NotFoundException::new);
        String previous = catalogs.current().versionId();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            catalogs.makeCurrent(versionId);
            CatalogPublication run = new CatalogPublication();
            run.catalogVersion = versionId;
            run.previousVersion = previous;
            run.status = "RUNNING";
            // every partner's customers, on purpose: publishing is the platform's work across tenants
            run.total = publications.customerCount();
            run.lastPartner = "";
            run.startedBy = member.displayName();
            run.startedAt = OffsetDateTime.now();
            run.owner = INSTANCE;
            run.leaseUntil = run.startedAt.plus(config.publication().lease());
            run.persist();
            audit.record(AuditService.Operation.ACTION, ResourceType.CATALOG, versionId, null,
                    "Rule catalog " + versionId + " published (was " + previous + ")",
                    Map.of("before", Map.of("current", previous), "after", Map.of("current", versionId),
                            "customers", run.total));
            return run.id;
        });
        submit(id);
        return id;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CatalogPublication publication(long id) {
        return publications.find(id).orElseThrow(NotFoundException::new);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CatalogPublication> publications() {
        return publications.newestFirst();
    }

    /** At start, the runs no instance holds (one that stopped, or this one before a restart). */
    void resume(@Observes @Priority(6000) StartupEvent start) {
        takeOver();
    }

    /**
     * Takes over every running publication whose lease ran out, from its cursor; returns their ids.
     * One UPDATE: two instances looking at once cannot both get a run.
     */
    List<Long> takeOver() {
        List<Long> taken;
        try {
            taken = publications.takeOver(INSTANCE, config.publication().lease().toMillis() / 1000.0);
        } catch (SQLException e) {
            LOG.debugf("Publications not looked at: %s", e.getMessage()); // the database is away: the next look
            return List.of();
        }
        for (long id : taken) {
            LOG.infof("Catalog publication %d taken over by %s", id, INSTANCE);
            submit(id);
        }
        return taken;
    }

    @Scheduled(every = "${portal.publication.takeover-check}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void lookForRunsToTakeOver() {
        takeOver();
    }

    /** Stopping: the runs of this instance are given up at once, so that another takes them over without waiting. */
    void stop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            publications.giveUp(INSTANCE);
        } catch (SQLException e) {
            LOG.debugf("Leases not given up: %s", e.getMessage());
        }
    }

    private void submit(long id) {
        if (mine.add(id)) {
            worker.submit(() -> {
                try {
                    run(id);
                } finally {
                    mine.remove(id);
                }
            });
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "instance";
        }
    }

    /** The run: partner by partner, customer by customer in id order, a batch per transaction. */
    void run(long publicationId) {
        // a worker thread: its own request context, so that the member (and with it the tenant) can be set
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            runActive(publicationId);
        } finally {
            requestContext.terminate();
        }
    }

    private void runActive(long publicationId) {
        try {
            String previousPartner = null;
            while (!Thread.currentThread().isInterrupted()) {
                CatalogPublication run = QuarkusTransaction.requiringNew()
                        .call(() -> publications.find(publicationId).orElse(null));
                if (run == null || !"RUNNING".equals(run.status) || !INSTANCE.equals(run.owner)) {
                    return; // done, or another instance has it
                }
                if (previousPartner == null) {
                    previousPartner = run.lastPartner; // a resumed run: the partner it was in may be done already
                }
                PublicationRepository.Batch batch = publications.nextBatch(run.lastPartner, run.lastCustomerId, BATCH)
                        .orElse(null);
                if (previousPartner != null && (batch == null || !batch.partnerId().equals(previousPartner))) {
                    announce(previousPartner, run);
                }
                previousPartner = batch == null ? null : batch.partnerId();
                if (batch == null) {
                    boolean finished = QuarkusTransaction.requiringNew().call(() -> {
                        CatalogPublication done = lockedIfMine(publicationId, run);
                        if (done == null) {
                            return false;
                        }
                        done.status = "DONE";
                        done.finishedAt = OffsetDateTime.now();
                        done.owner = null;
                        done.leaseUntil = null;
                        return true;
                    });
                    if (finished) {
                        LOG.infof("Catalog publication %d done", publicationId);
                    }
                    return;
                }
                if (!processAs(batch, publicationId, run)) {
                    LOG.infof("Catalog publication %d: this instance no longer holds it", publicationId);
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Catalog publication " + publicationId + " failed", e);
            QuarkusTransaction.requiringNew().run(() -> {
                CatalogPublication failed = publications.find(publicationId).orElse(null);
                if (failed == null || !INSTANCE.equals(failed.owner)) {
                    return; // another instance has it: not this one's to fail
                }
                failed.status = "FAILED";
                failed.owner = null;
                failed.error = String.valueOf(e.getMessage()).substring(0, Math.min(1000, String.valueOf(e.getMessage()).length()));
                failed.finishedAt = OffsetDateTime.now();
            });
        }
    }

    /**
     * A partner's customers are through: one event for the partner (how many got a new version from this
     * catalog), not one per customer. Counted from the versions themselves, so a resumed run counts right.
     */
    private void announce(String partnerId, CatalogPublication run) {
        Arc.container().instance(CurrentMember.class).get().actingAs(Actor.system(partnerId, Role.PARTNER_ADMIN),
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    int changed = publications.changedCustomers(partnerId, run.catalogVersion, run.startedAt);
                    published.fire(new CatalogPublished(partnerId, run.id, run.catalogVersion, changed));
                }));
    }

    /**
     * One batch, in one transaction with the run's row locked: applied only while this instance holds
     * the run and its cursor is still the one the batch was read after. Returns false when not.
     */
    private boolean processAs(PublicationRepository.Batch batch, long publicationId, CatalogPublication readAt) {
        return Arc.container().instance(CurrentMember.class).get().actingAs(
                Actor.system(batch.partnerId(), Role.PARTNER_ADMIN), () -> QuarkusTransaction.requiringNew().call(() -> {
            CatalogPublication run = lockedIfMine(publicationId, readAt);
            if (run == null) {
                return false;
            }
            int changed = versions.recordChanged(versions.candidates(batch.partnerId(), batch.customerIds()),
                    "catalog-published");
            run.done += batch.customerIds().size();
            run.changed += changed;
            run.lastPartner = batch.partnerId();
            run.lastCustomerId = batch.customerIds().get(batch.customerIds().size() - 1);
            run.leaseUntil = OffsetDateTime.now().plus(config.publication().lease());
            return true;
        }));
    }

    /** The run's row, locked, if this instance still holds it and it has not moved since it was read; else null. */
    private CatalogPublication lockedIfMine(long publicationId, CatalogPublication readAt) {
        CatalogPublication run = publications.locked(publicationId);
        if (run == null || !"RUNNING".equals(run.status) || !INSTANCE.equals(run.owner)
                || !run.lastPartner.equals(readAt.lastPartner) || run.lastCustomerId != readAt.lastCustomerId) {
            return null;
        }
        return run;
    }
}
