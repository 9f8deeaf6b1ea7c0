package dev.allowlist.portal.check;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** What one reconciliation found, in numbers and the missing values: the page's "needs attention" reads it. */
@Entity
@Table(name = "reconciliation")
public class ReconciliationRecord extends TenantEntity {

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public String format;

    @Column(name = "allowlist_version", nullable = false)
    public int allowlistVersion;

    @Column(nullable = false)
    public int missing;

    @Column(nullable = false)
    public int broader;

    @Column(nullable = false)
    public int extra;

    /** The missing values, one a line. */
    @Column(name = "missing_values", nullable = false)
    public String missingValues;
}
