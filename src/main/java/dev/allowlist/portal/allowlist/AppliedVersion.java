package dev.allowlist.portal.allowlist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.TenantId;

/** "This version is on the customer's firewall", as recorded by a partner's member. */
@Entity
@Table(name = "applied_version")
public class AppliedVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(nullable = false)
    public int number;

    @Column(name = "applied_by", nullable = false)
    public String appliedBy;

    @Column(name = "applied_at", nullable = false)
    public OffsetDateTime appliedAt;
}
