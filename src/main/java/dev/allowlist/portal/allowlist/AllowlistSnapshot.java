package dev.allowlist.portal.allowlist;

import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.customer.Customer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What one customer's current allowlist serves, as of one moment: the generated allowlist, the
 * newest version's number and time, the applied version, the customer's name (file names), its
 * active feeds, and
 * whatever is derived from these (rendered exports, the JSON body), computed once. Immutable but
 * for that memo; {@link CurrentAllowlists} drops it when anything it was made of changes.
 */
public final class AllowlistSnapshot {

    private final Customer customer;
    private final long customerId;
    private final String partnerId;
    private final String customerName;
    private final Allowlist allowlist;
    private final String catalogVersionId;
    private final int version;
    private final Instant versionCreatedAt;
    private final Map<Long, String> activeFeeds;
    private final int applied;
    private final ConcurrentHashMap<String, Object> derived = new ConcurrentHashMap<>();
    /** What the derived values take, estimated as each is added. */
    private final AtomicInteger derivedBytes = new AtomicInteger();
    /** Told when a derived value was added, so that the cache weighs the snapshot again. */
    private volatile Runnable grown;

    /** A derived value that can tell what it takes in memory (a rendered export). */
    public interface Sized {
        int estimatedBytes();
    }

    AllowlistSnapshot(Customer customer, String partnerId, String customerName, Allowlist allowlist,
            String catalogVersionId, int version, Instant versionCreatedAt, int applied, Map<Long, String> activeFeeds) {
        this.customer = customer;
        this.customerId = customer.id;
        this.partnerId = partnerId;
        this.customerName = customerName;
        this.allowlist = allowlist;
        this.catalogVersionId = catalogVersionId;
        this.version = version;
        this.versionCreatedAt = versionCreatedAt;
        this.activeFeeds = Map.copyOf(activeFeeds);
        this.applied = applied;
    }

    /** The version recorded as applied on the customer's firewall; 0 when none. */
    public int applied() {
        return applied;
    }

    /**
     * The customer as loaded with the snapshot, its licenses and MCS hosts included: detached and
     * shared between requests, so for reading (rendering) only, never to change or re-attach.
     */
    public Customer customer() {
        return customer;
    }

    public long customerId() {
        return customerId;
    }

    public String partnerId() {
        return partnerId;
    }

    public String customerName() {
        return customerName;
    }

    public Allowlist allowlist() {
        return allowlist;
    }

    /** The catalog version the allowlist was generated with. */
    public String catalogVersionId() {
        return catalogVersionId;
    }

    /** The newest stored version's number; 0 before the first. */
    public int version() {
        return version;
    }

    /** When the newest version was stored; null before the first. */
    public Instant versionCreatedAt() {
        return versionCreatedAt;
    }

    /** The customer's feeds that are not revoked: id and format. */
    public Map<Long, String> activeFeeds() {
        return activeFeeds;
    }

    /**
     * What a snapshot takes in memory: the entity and the allowlist, and what was derived from it so far.
     * Measured with class histograms of the portal's heap (5,000 snapshots of 27 entries and 3 hosts, each
     * with one feed rendered, took 6.35 kB apiece; 300 with the customer page, the JSON body and all 14
     * formats rendered took 68 kB apiece): about 160 bytes an entry and 1 kB besides, then each derived
     * value's own size. A fixed estimate of 27.7 kB had been four times too high for the first kind
     * and less than half of the second.
     */
    int estimatedBytes() {
        return 1024 + 160 * allowlist.entries().size() + 150 * customer.mcsHosts.size() + derivedBytes.get();
    }

    /** What a derived value takes: its bytes or characters, or 4 kB for a value of objects (a report, a menu). */
    static int estimatedBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        if (value instanceof String text) {
            return 40 + text.length();
        }
        if (value instanceof Sized sized) {
            return sized.estimatedBytes();
        }
        return 4096;
    }

    /** The cache that keeps this snapshot asks to be told when it grows (it weighs it again). */
    void whenGrown(Runnable weighAgain) {
        grown = weighAgain;
    }

    /** A value derived from this snapshot alone (or from what changes with it), computed once per snapshot. */
    @SuppressWarnings("unchecked")
    public <T> T derive(String key, Supplier<T> compute) {
        Object value = derived.get(key);
        if (value == null) {
            value = compute.get();
            Object raced = derived.putIfAbsent(key, value);
            if (raced != null) {
                value = raced;
            } else {
                derivedBytes.addAndGet(estimatedBytes(value));
                Runnable weighAgain = grown;
                if (weighAgain != null) {
                    weighAgain.run();
                }
            }
        }
        return (T) value;
    }
}
