package dev.allowlist.portal.allowlist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.partner.CurrentMember;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Customers' current allowlists, kept in memory so that what firewalls and scripts poll (the JSON,
 * exports, feeds) costs no query while nothing changes.
 * <p>
 * Correctness rests on three rules. (1) A snapshot is loaded through the tenant-scoped session and
 * served only to a request of the same partner, and only while its catalog version is current.
 * (2) Every change to what a snapshot is made of drops it: PostgreSQL triggers announce the
 * customer's id on commit (V10) and {@link ChangeListener} hears it on every instance; the
 * instance that made the change also drops it itself when its transaction completes, so that its
 * next request reads its own write. (3) A load that overlapped any drop is served but not kept:
 * it may have read the data from before the change. While the listener is not connected, nothing
 * is kept at all.
 */
@ApplicationScoped
public class CurrentAllowlists {

    @Inject
    CurrentMember member;

    @Inject
    CatalogService catalogs;

    @Inject
    AllowlistService allowlists;

    @Inject
    AllowlistRepository repository;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The memory the snapshots may take (estimated), in megabytes; the least used go first. */
    @ConfigProperty(name = "portal.cache.megabytes", defaultValue = "128")
    int megabytes;

    private Cache<Long, AllowlistSnapshot> cache;
    /** Counts drops; a load keeps its result only if none happened while it ran. */
    private final AtomicLong drops = new AtomicLong();
    private volatile boolean listening;

    @PostConstruct
    void init() {
        cache = Caffeine.newBuilder().maximumWeight(megabytes * 1024L * 1024L)
                .weigher((Long id, AllowlistSnapshot snapshot) -> snapshot.estimatedBytes()).build();
    }

    /** The customer's current allowlist, for a member of its partner; empty for another partner's or an unknown id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AllowlistSnapshot> of(long customerId) {
        String tenant = member.tenantId();
        String catalog = catalogs.current().versionId();
        if (listening) {
            AllowlistSnapshot cached = cache.getIfPresent(customerId);
            if (cached != null && cached.partnerId().equals(tenant) && cached.catalogVersionId().equals(catalog)) {
                return Optional.of(cached);
            }
        }
        long dropsBefore = drops.get();
        boolean wasListening = listening;
        Optional<AllowlistSnapshot> loaded = load(customerId);
        if (loaded.isPresent() && wasListening && listening && drops.get() == dropsBefore) {
            AllowlistSnapshot snapshot = loaded.get();
            // weighed again with each export or body derived from it (a replace by itself re-weighs it)
            snapshot.whenGrown(() -> cache.asMap().replace(customerId, snapshot, snapshot));
            cache.put(customerId, snapshot);
        }
        return loaded;
    }

    private Optional<AllowlistSnapshot> load(long customerId) {
        Optional<AllowlistRepository.SnapshotRow> found = repository.snapshotRow(member.tenantId(), customerId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AllowlistRepository.SnapshotRow row = found.get();
        Customer customer = row.customer();
        Allowlist allowlist = allowlists.current(customer);
        return Optional.of(new AllowlistSnapshot(customer, customer.partnerId, customer.name, allowlist,
                allowlist.catalogVersion(), row.version(), row.versionAt() == null ? null : row.versionAt().toInstant(),
                row.applied(), row.feeds()));
    }

    /**
     * Drops the customer's snapshot when the current transaction completes (committed or not), so
     * the change's own instance never serves what it just replaced. Outside a transaction: now.
     */
    public void changed(long customerId) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    drop(customerId);
                }
            });
        } else {
            drop(customerId);
        }
    }

    /** Forgets one customer's snapshot (its data changed, here or on another instance). */
    void drop(long customerId) {
        drops.incrementAndGet();
        cache.invalidate(customerId);
    }

    /** Forgets every snapshot (the listener (re)connected and may have missed announcements). */
    void dropAll() {
        drops.incrementAndGet();
        cache.invalidateAll();
    }

    /** Whether snapshots are kept: only while changes are heard. */
    void listening(boolean on) {
        listening = on;
        dropAll();
    }

    public boolean isListening() {
        return listening;
    }

    /**
     * Counts the changes to partner data made here or heard from other instances: the snapshots' drops,
     * and announcements that drop no snapshot (a subscription's state). A cache of anything read from
     * partner data keeps what it loaded only while this count stays what it was when the load began.
     */
    public long changes() {
        return drops.get();
    }

    /** Something other than a snapshot's data changed (announced by another instance or by a trigger). */
    void otherChange() {
        drops.incrementAndGet();
    }

    /** What the snapshots held take, as estimated (tests). */
    long weight() {
        cache.cleanUp(); // the weights of writes not yet applied
        return cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** How many snapshots are held (tests, metrics). */
    public long size() {
        return cache.estimatedSize();
    }
}
