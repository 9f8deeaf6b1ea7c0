package dev.allowlist.portal.platform;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.SqlArrays;
import dev.allowlist.portal.allowlist.AllowlistEntry;
import dev.allowlist.portal.allowlist.AllowlistGenerator;
import dev.allowlist.portal.allowlist.AllowlistVersions;
import dev.allowlist.portal.allowlist.ChangeReport;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.ResourceType;
import dev.allowlist.portal.catalog.CatalogDiff;
import dev.allowlist.portal.catalog.CatalogPublication;
import dev.allowlist.portal.catalog.CatalogPublished;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.partner.Role;
import dev.allowlist.portal.partner.TenantConnections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    AgroalDataSource dataSource;

    @Inject
    AllowlistVersions versions;

    @Inject
    CurrentMember member;

    @Inject
    AuditService audit;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

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
        int total = 0;
        int changed = 0;
        Set<String> partners = new HashSet<>();
        List<Sample> samples = new ArrayList<>();
        // the platform's view, partner by partner: row-level security shows one partner at a time
        try (Connection c = dataSource.getConnection()) {
            List<String> partnerIds = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM partner ORDER BY id"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    partnerIds.add(rs.getString(1));
                }
            }
            for (String partnerId : partnerIds) {
                TenantConnections.set(c, partnerId, false);
                try (PreparedStatement st = c.prepareStatement(PROFILES_SQL)) {
                    st.setString(1, partnerId);
                    st.setFetchSize(1000);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            total++;
                            var allowlist = generator.generate(AllowlistVersions.profile(rs), hosts(rs));
                            if (!allowlist.contentHash().equals(rs.getString("latest_hash"))) {
                                changed++;
                                partners.add(rs.getString("partner_id"));
                                if (samples.size() < 3) {
                                    List<AllowlistEntry> before = rs.getString("latest_entries") == null ? List.of()
                                            : json.readValue(rs.getString("latest_entries"), ENTRIES);
                                    int latest = rs.getInt("latest_number");
                                    samples.add(new Sample(rs.getString("partner_id"), rs.getLong("id"),
                                            ChangeReport.between(latest, before, latest + 1, allowlist.entries(), List.of())));
                                }
                            }
                        }
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
        return new Preview(candidate.versionId(), current.versionId(),
                CatalogDiff.between(current.catalog(), candidate.catalog()), total, changed, partners.size(), samples);
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
            run.total = ((Number) em.createNativeQuery("SELECT portal_customer_count()")
                    .getSingleResult()).intValue();
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
        CatalogPublication run = CatalogPublication.findById(id);
        if (run == null) {
            throw new NotFoundException();
        }
        return run;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CatalogPublication> publications() {
        return CatalogPublication.listAll(Sort.descending("id"));
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
        List<Long> taken = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE catalog_publication SET owner = ?, lease_until = now() + make_interval(secs => ?) "
                        + "WHERE status = 'RUNNING' AND (lease_until IS NULL OR lease_until < now()) RETURNING id, owner")) {
            st.setString(1, INSTANCE);
            st.setDouble(2, config.publication().lease().toMillis() / 1000.0);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            LOG.debugf("Publications not looked at: %s", e.getMessage()); // the database is away: the next look
            return taken;
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
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE catalog_publication SET lease_until = now() - interval '1 second' WHERE owner = ? AND status = 'RUNNING'")) {
            st.setString(1, INSTANCE);
            st.executeUpdate();
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
                CatalogPublication run = QuarkusTransaction.requiringNew().call(() -> CatalogPublication.findById(publicationId));
                if (run == null || !"RUNNING".equals(run.status) || !INSTANCE.equals(run.owner)) {
                    return; // done, or another instance has it
                }
                if (previousPartner == null) {
                    previousPartner = run.lastPartner; // a resumed run: the partner it was in may be done already
                }
                Batch batch = nextBatch(run.lastPartner, run.lastCustomerId);
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
                CatalogPublication failed = CatalogPublication.findById(publicationId);
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

    private record Batch(String partnerId, List<Long> customerIds) {
    }

    /**
     * A partner's customers are through: one event for the partner (how many got a new version from this
     * catalog), not one per customer. Counted from the versions themselves, so a resumed run counts right.
     */
    private void announce(String partnerId, CatalogPublication run) {
        Arc.container().instance(CurrentMember.class).get().actingAs(Actor.system(partnerId, Role.PARTNER_ADMIN),
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    Number changed = (Number) em.createNativeQuery("SELECT count(DISTINCT customer_id) FROM "
                            + "allowlist_version WHERE partner_id = ?1 AND cause = 'catalog-published' "
                            + "AND catalog_version = ?2 AND created_at >= ?3")
                            .setParameter(1, partnerId).setParameter(2, run.catalogVersion)
                            .setParameter(3, run.startedAt).getSingleResult();
                    published.fire(new CatalogPublished(partnerId, run.id, run.catalogVersion, changed.intValue()));
                }));
    }

    /** The next customers after the cursor, all of one partner (a tenant per transaction). */
    private Batch nextBatch(String lastPartner, long lastCustomerId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT partner_id, customer_id FROM portal_customers_after(?, ?, ?)")) {
            st.setString(1, lastPartner);
            st.setLong(2, lastCustomerId);
            st.setInt(3, BATCH);
            String partner = null;
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (partner == null) {
                        partner = rs.getString(1);
                    } else if (!partner.equals(rs.getString(1))) {
                        break;
                    }
                    ids.add(rs.getLong(2));
                }
            }
            return partner == null ? null : new Batch(partner, ids);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One batch, in one transaction with the run's row locked: applied only while this instance holds
     * the run and its cursor is still the one the batch was read after. Returns false when not.
     */
    private boolean processAs(Batch batch, long publicationId, CatalogPublication readAt) {
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
        CatalogPublication run = em.find(CatalogPublication.class, publicationId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || !"RUNNING".equals(run.status) || !INSTANCE.equals(run.owner)
                || !run.lastPartner.equals(readAt.lastPartner) || run.lastCustomerId != readAt.lastCustomerId) {
            return null;
        }
        return run;
    }

    private static final String PROFILES_SQL = """
            SELECT c.partner_id, c.id, c.regions, c.wildcard_support, c.uses_active_directory, c.tls_inspection,
                   c.application_filtering, c.narrow_hydra,
                   (SELECT array_agg(l.license) FROM customer_license l WHERE l.partner_id = c.partner_id AND l.customer_id = c.id) AS licenses,
                   (SELECT array_agg(h.value ORDER BY h.value) FROM mcs_host h WHERE h.partner_id = c.partner_id AND h.customer_id = c.id) AS hosts,
                   v.content_hash AS latest_hash, v.number AS latest_number, v.entries AS latest_entries
            FROM customer c
            LEFT JOIN LATERAL (SELECT content_hash, number, entries FROM allowlist_version av
                               WHERE av.partner_id = c.partner_id AND av.customer_id = c.id
                               ORDER BY number DESC LIMIT 1) v ON true
            WHERE c.partner_id = ?
            ORDER BY c.id
            """;

    private static List<String> hosts(ResultSet rs) throws SQLException {
        return SqlArrays.strings(rs.getArray("hosts"));
    }
}
