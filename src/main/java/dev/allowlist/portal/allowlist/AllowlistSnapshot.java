package dev.allowlist.portal.allowlist;

import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.customer.Customer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
     * What a snapshot takes in memory, estimated when it is cached: the entity, the allowlist and
     * what is typically derived from it (the JSON body, a feed or two, the export menu), measured
     * at about 700 bytes an entry and 8 kB besides.
     */
    int estimatedBytes() {
        return 8192 + 700 * allowlist.entries().size() + 200 * customer.mcsHosts.size();
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
            }
        }
        return (T) value;
    }
}
