package dev.allowlist.portal.partner;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/**
 * A secret URL a partner hands to a machine for one customer (a feed a firewall polls, a report URL a
 * check script posts to): only the token's SHA-256 is kept, who made it and when, and when it was
 * revoked. A revoked token answers like an unknown one.
 */
@MappedSuperclass
public abstract class UrlTokenEntity extends TenantEntity {

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
}
