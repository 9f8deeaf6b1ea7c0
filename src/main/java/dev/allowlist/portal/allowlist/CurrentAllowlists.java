package dev.allowlist.portal.allowlist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.partner.CurrentMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The memory the snapshots may take (estimated), in megabytes; the least used go first. */
    @ConfigProperty(name = "portal.cache.megabytes", defaultValue = "128")
    int megabytes;

    private volatile Cache<Long, AllowlistSnapshot> cache;
    /** Counts drops; a load keeps its result only if none happened while it ran. */
    private final AtomicLong drops = new AtomicLong();
    private volatile boolean listening;

    private Cache<Long, AllowlistSnapshot> cache() {
        Cache<Long, AllowlistSnapshot> c = cache;
        if (c == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = Caffeine.newBuilder().maximumWeight(megabytes * 1024L * 1024L)
                            .weigher((Long id, AllowlistSnapshot snapshot) -> snapshot.estimatedBytes()).build();
                }
                c = cache;
            }
        }
        return c;
    }

    /** The customer's current allowlist, for a member of its partner; empty for another partner's or an unknown id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AllowlistSnapshot> of(long customerId) {
        member.requireCustomerReader();
        String tenant = member.tenantId();
        String catalog = catalogs.current().versionId();
        if (listening) {
            AllowlistSnapshot cached = cache().getIfPresent(customerId);
            if (cached != null && cached.partnerId().equals(tenant) && cached.catalogVersionId().equals(catalog)) {
                return Optional.of(cached);
            }
        }
        long dropsBefore = drops.get();
        boolean wasListening = listening;
        Optional<AllowlistSnapshot> loaded = load(customerId);
        if (loaded.isPresent() && wasListening && listening && drops.get() == dropsBefore) {
            cache().put(customerId, loaded.get());
        }
        return loaded;
    }

    private Optional<AllowlistSnapshot> load(long customerId) {
        // by query, not em.find: the tenant condition is guaranteed on queries
        Optional<Customer> found = Customer.<Customer>find("from Customer c left join fetch c.licenses where c.id = ?1",
                customerId).singleResultOptional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Customer customer = found.get();
        Allowlist allowlist = allowlists.current(customer);
        List<Object[]> latest = em.createQuery("select v.number, v.createdAt from AllowlistVersion v "
                + "where v.customerId = ?1 order by v.number desc", Object[].class)
                .setParameter(1, customerId).setMaxResults(1).getResultList();
        // native SQL names the partner itself (feeds belong to the export package)
        @SuppressWarnings("unchecked")
        List<Object[]> feeds = em.createNativeQuery("SELECT id, format FROM feed WHERE partner_id = ?1 AND customer_id = ?2 "
                + "AND revoked_at IS NULL ORDER BY id").setParameter(1, customer.partnerId).setParameter(2, customerId)
                .getResultList();
        Map<Long, String> active = new LinkedHashMap<>();
        feeds.forEach(row -> active.put(((Number) row[0]).longValue(), (String) row[1]));
        List<Integer> applied = em.createQuery("select a.number from AppliedVersion a where a.customerId = ?1 "
                + "order by a.id desc", Integer.class).setParameter(1, customerId).setMaxResults(1).getResultList();
        int version = latest.isEmpty() ? 0 : (Integer) latest.get(0)[0];
        OffsetDateTime createdAt = latest.isEmpty() ? null : (OffsetDateTime) latest.get(0)[1];
        customer.mcsHosts.size(); // loaded with it (the generator read them already): the snapshot is read without a session
        return Optional.of(new AllowlistSnapshot(customer, customer.partnerId, customer.name, allowlist,
                allowlist.catalogVersion(), version, createdAt == null ? null : createdAt.toInstant(),
                applied.isEmpty() ? 0 : applied.get(0), active));
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
        cache().invalidate(customerId);
    }

    /** Forgets every snapshot (the listener (re)connected and may have missed announcements). */
    void dropAll() {
        drops.incrementAndGet();
        cache().invalidateAll();
    }

    /** Whether snapshots are kept: only while changes are heard. */
    void listening(boolean on) {
        listening = on;
        dropAll();
    }

    public boolean isListening() {
        return listening;
    }

    /** How many snapshots are held (tests, metrics). */
    public long size() {
        return cache().estimatedSize();
    }
}
