package dev.allowlist.portal.notify;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One try to deliver an outbox message: what the endpoint answered, and how long it took. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends TenantEntity {

    @Column(name = "subscription_id", nullable = false)
    public long subscriptionId;

    @Column(name = "outbox_id", nullable = false)
    public long outboxId;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public OffsetDateTime attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "latency_ms", nullable = false)
    public int latencyMs;

    public String error;
}
