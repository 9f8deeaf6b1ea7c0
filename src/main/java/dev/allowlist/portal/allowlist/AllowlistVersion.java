package dev.allowlist.portal.allowlist;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Immutable;

/** An immutable snapshot of a customer's allowlist, numbered 1, 2, 3… per customer. */
@Entity
@Immutable
@Table(name = "allowlist_version")
public class AllowlistVersion extends TenantEntity {

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(nullable = false)
    public int number;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "catalog_version", nullable = false)
    public String catalogVersion;

    /** JSON of the entries. */
    @Column(nullable = false)
    public String entries;

    /** JSON of the warnings. */
    @Column(nullable = false)
    public String warnings;

    /** What changed the content: customer-created, profile-changed, hosts-observed, host-removed,
     * catalog-published, central-synced. */
    @Column(nullable = false)
    public String cause;

    /** What the cause changed, for the change report to say in words ("+EDR -MTR regions"); mostly null. */
    @Column(name = "cause_detail")
    public String causeDetail;

    @Column(nullable = false)
    public String actor;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
