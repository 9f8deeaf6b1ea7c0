package dev.allowlist.portal.check;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.TenantId;

/** What one reconciliation found, in numbers and the missing values: the page's "needs attention" reads it. */
@Entity
@Table(name = "reconciliation")
public class ReconciliationRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

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
