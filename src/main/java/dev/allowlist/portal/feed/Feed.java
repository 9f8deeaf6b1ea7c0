package dev.allowlist.portal.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.TenantId;

/** A feed: a URL with a secret token that a firewall polls for one customer's export. */
@Entity
@Table(name = "feed")
public class Feed extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

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
