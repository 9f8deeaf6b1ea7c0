package dev.allowlist.portal.check;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A report URL for one customer's check scripts: only the token's SHA-256 is kept. */
@Entity
@Table(name = "check_token")
public class CheckToken extends TenantEntity {

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "last_report_at")
    public OffsetDateTime lastReportAt;

    @Column(name = "report_count", nullable = false)
    public long reportCount;
}
