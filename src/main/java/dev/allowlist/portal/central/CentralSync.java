package dev.allowlist.portal.central;

import dev.allowlist.portal.central.core.CentralMapping.LicenseProduct;
import dev.allowlist.portal.central.core.SealedSecrets;
import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.partner.Role;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A sync run: reads the partner's tenants from Sophos Central page by page, and each tenant's licenses
 * from its own API host, into {@code central_tenant}; then, when the partner chose so, applies what
 * changed. One run per partner at a time across instances (a lease on the connection row). Each page is
 * its own transaction and the connection remembers the next one, so a run stopped by a rate limit, an
 * outage or a restart resumes where it stopped; customers change only when a plan is applied, in one
 * transaction of its own (nothing half-applied).
 */
@ApplicationScoped
public class CentralSync {

    private static final Logger LOG = Logger.getLogger(CentralSync.class);
    private static final String INSTANCE = "central-" + UUID.randomUUID();

    @Inject
    CentralRepository repository;

    @Inject
    CentralClient client;

    @Inject
    CentralSecrets secrets;

    @Inject
    CentralService service;

    @Inject
    CurrentMember member;

    @Inject
    PortalConfig config;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "central-sync");
        t.setDaemon(true);
        return t;
    });

    /** How a start request ended. */
    public enum Start { STARTED, ALREADY_RUNNING, WAITING, REFUSED }

    /**
     * Starts a run for the member's partner in the background; the page then shows it running. A run
     * already holding the lease, a rate limit still in force, or a refused credential are said instead.
     */
    public Start start() {
        String partnerId = member.tenantId();
        String subject = member.subject();
        String name = member.displayName();
        Start start = QuarkusTransaction.requiringNew().call(() -> {
            CentralConnection c = repository.connection().orElseThrow(jakarta.ws.rs.NotFoundException::new);
            if (c.state() == CentralConnection.Status.REFUSED) {
                return Start.REFUSED;
            }
            if (c.retryAfter != null && c.retryAfter.isAfter(OffsetDateTime.now())) {
                return Start.WAITING;
            }
            return repository.claim(INSTANCE, config.central().lease()) ? Start.STARTED : Start.ALREADY_RUNNING;
        });
        if (start == Start.STARTED) {
            worker.submit(() -> runAs(partnerId, subject, name));
        }
        return start;
    }

    /** The schedule: each partner whose connection is due, one after the other on this instance's worker. */
    @Scheduled(every = "${portal.central.check}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        List<String> due;
        try {
            due = repository.due(config.central().syncEvery());
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Sophos Central connections not looked at: %s", e.getMessage());
            return;
        }
        for (String partnerId : due) {
            worker.submit(() -> {
                // null when the claim failed (the database away): no run
                Boolean claimed = inContext(partnerId, null, null,
                        () -> QuarkusTransaction.requiringNew().call(() -> repository.claim(INSTANCE, config.central().lease())));
                if (Boolean.TRUE.equals(claimed)) {
                    runAs(partnerId, null, null);
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runAs(String partnerId, String requestedBy, String name) {
        inContext(partnerId, requestedBy, name, () -> {
            run();
            return null;
        });
    }

    /** Work on this worker thread as the partner's system actor, in a request context of its own. */
    private <T> T inContext(String partnerId, String requestedBy, String name, java.util.function.Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            Actor actor = requestedBy == null ? Actor.system(partnerId, Role.PARTNER_ADMIN)
                    : new Actor(CurrentMember.Status.PARTNER_MEMBER, requestedBy, name, Role.PARTNER_ADMIN, partnerId);
            return Arc.container().instance(CurrentMember.class).get().actingAs(actor, work);
        } catch (RuntimeException e) {
            LOG.warnf("Sophos Central sync of partner %s failed: %s", partnerId, e.getMessage());
            return null;
        } finally {
            context.terminate();
        }
    }

    /** What a run starts from: the credential opened, the page to read, the run's number. */
    private record Begun(String clientId, String secret, String centralPartnerId, int page, int run) {
    }

    /** One run, holding the lease this instance claimed. */
    void run() {
        Begun begun;
        try {
            begun = QuarkusTransaction.requiringNew().call(this::begin);
        } catch (RuntimeException e) {
            LOG.warnf("Sophos Central sync not started: %s", e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> repository.release(INSTANCE));
            return;
        }
        int page = begun.page();
        try {
            CentralClient.Token token = client.token(begun.clientId(), begun.secret());
            int pages = Integer.MAX_VALUE;
            while (page <= pages) {
                CentralClient.TenantPage read = client.tenants(token, begun.centralPartnerId(), page);
                pages = read.pages();
                Map<String, List<LicenseProduct>> licenses = new HashMap<>();
                Map<String, String> errors = new HashMap<>();
                for (CentralClient.Tenant t : read.tenants()) {
                    try {
                        licenses.put(t.id(), client.licenses(token, t.apiHost(), t.id()));
                    } catch (CentralFault e) {
                        if (e.kind() == CentralFault.Kind.RATE_LIMITED || e.kind() == CentralFault.Kind.REFUSED) {
                            throw e; // the whole run waits (or stops); this page is read again when it resumes
                        }
                        errors.put(t.id(), e.getMessage());
                    }
                }
                int next = page + 1;
                QuarkusTransaction.requiringNew().run(() -> store(begun.run(), read.tenants(), licenses, errors, next));
                page = next;
            }
            QuarkusTransaction.requiringNew().run(() -> finish(begun.run()));
        } catch (CentralFault e) {
            int stoppedAt = page;
            LOG.infof("Sophos Central sync stopped at page %d: %s", stoppedAt, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> fault(e, stoppedAt));
            return;
        } catch (RuntimeException e) {
            int stoppedAt = page;
            LOG.warnf("Sophos Central sync interrupted at page %d: %s", stoppedAt, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> fault(new CentralFault(CentralFault.Kind.FAILED, e.getMessage(), null), stoppedAt));
            return;
        }
        try {
            boolean auto = QuarkusTransaction.requiringNew().call(() -> repository.connection()
                    .map(c -> c.autoApply && c.firstAppliedAt != null).orElse(false));
            if (auto) {
                CentralService.Applied applied = service.apply(null);
                LOG.infof("Sophos Central sync applied automatically: %d created, %d updated", applied.created(),
                        applied.updated());
            }
        } finally {
            // the run ends here, so that no other starts before what it read is applied
            QuarkusTransaction.requiringNew().run(() -> repository.release(INSTANCE));
        }
    }

    private Begun begin() {
        CentralConnection c = repository.connectionForChange().orElseThrow(() -> new IllegalStateException("no connection"));
        SealedSecrets box = secrets.secrets().orElseThrow(() -> new IllegalStateException("no key configured"));
        String secret = box.open(c.secretSealed);
        if (box.needsReseal(c.secretSealed)) {
            c.secretSealed = box.seal(secret); // a rotated key: sealed again under the current one
        }
        if (c.resumePage == null) {
            c.run++;
            c.resumePage = 1;
        }
        c.status = CentralConnection.Status.RUNNING.stored();
        c.statusCount = null;
        c.statusAt = OffsetDateTime.now();
        c.lastStartedAt = c.statusAt;
        c.retryAfter = null;
        return new Begun(c.clientId, secret, c.centralPartnerId, c.resumePage, c.run);
    }

    private void store(int run, List<CentralClient.Tenant> tenants, Map<String, List<LicenseProduct>> licenses,
            Map<String, String> errors, int next) {
        OffsetDateTime now = OffsetDateTime.now();
        for (CentralClient.Tenant t : tenants) {
            if (t.id() == null || t.id().isBlank()) {
                continue;
            }
            CentralTenant row = repository.tenant(t.id()).orElseGet(CentralTenant::new);
            row.tenantId = abbreviate(t.id(), 64);
            row.name = abbreviate(t.name() == null || t.name().isBlank() ? t.id() : t.name().strip(), 255);
            row.dataGeography = abbreviate(t.dataGeography(), 10);
            row.dataRegion = abbreviate(t.dataRegion(), 20);
            row.apiHost = abbreviate(t.apiHost(), 255);
            row.seenRun = run;
            row.seenAt = now;
            row.removedAt = null;
            List<LicenseProduct> products = licenses.get(t.id());
            if (products != null) {
                row.products = products.stream().map(CentralService::stored).toArray(String[]::new);
                row.licensesReadAt = now;
                row.readError = null;
            } else {
                row.readError = abbreviate(errors.getOrDefault(t.id(), "not read"), 200);
            }
            if (row.id == null) {
                row.persist();
            }
        }
        CentralConnection c = repository.connectionForChange().orElseThrow();
        c.resumePage = next;
        c.statusCount = next - 1;
        c.leaseUntil = now.plus(config.central().lease());
    }

    private void finish(int run) {
        OffsetDateTime now = OffsetDateTime.now();
        repository.flagRemoved(run, now);
        int errors = repository.countReadErrors(run);
        CentralConnection c = repository.connectionForChange().orElseThrow();
        c.resumePage = null;
        c.status = (errors > 0 ? CentralConnection.Status.PARTIAL : CentralConnection.Status.OK).stored();
        c.statusCount = errors > 0 ? errors : repository.countSeen(run);
        c.statusAt = now;
        c.lastFinishedAt = now;
    }

    private void fault(CentralFault e, int page) {
        CentralConnection c = repository.connectionForChange().orElse(null);
        if (c == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        CentralConnection.Status status = switch (e.kind()) {
            case REFUSED -> CentralConnection.Status.REFUSED;
            case RATE_LIMITED -> CentralConnection.Status.RATE_LIMITED;
            case UNREACHABLE -> page == 1 ? CentralConnection.Status.UNREACHABLE : CentralConnection.Status.INTERRUPTED;
            case FAILED -> CentralConnection.Status.INTERRUPTED;
        };
        c.status = status.stored();
        c.statusCount = page;
        c.statusAt = now;
        c.retryAfter = e.retryAfter() == null ? null : now.plus(e.retryAfter());
        c.leaseOwner = null;
        c.leaseUntil = null;
    }

    private static String abbreviate(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
