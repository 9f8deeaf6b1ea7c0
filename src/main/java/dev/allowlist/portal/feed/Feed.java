package dev.allowlist.portal.feed;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A feed: a URL with a secret token that a firewall polls for one customer's export. */
@Entity
@Table(name = "feed")
public class Feed extends TenantEntity {

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(nullable = false)
    public String format;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "last_pulled_at")
    public OffsetDateTime lastPulledAt;

    @Column(name = "pull_count", nullable = false)
    public long pullCount;
}
