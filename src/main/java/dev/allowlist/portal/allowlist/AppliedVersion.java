package dev.allowlist.portal.allowlist;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** "This version is on the customer's firewall", as recorded by a partner's member. */
@Entity
@Table(name = "applied_version")
public class AppliedVersion extends TenantEntity {

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(nullable = false)
    public int number;

    @Column(name = "applied_by", nullable = false)
    public String appliedBy;

    @Column(name = "applied_at", nullable = false)
    public OffsetDateTime appliedAt;
}
