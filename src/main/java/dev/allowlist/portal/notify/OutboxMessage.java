package dev.allowlist.portal.notify;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An event on its way to one subscription, written in the transaction of the change that caused it.
 * Its {@code webhookId} is the same on every attempt, so a receiver can tell a retry from a new event.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends TenantEntity {

    @Column(name = "subscription_id", nullable = false)
    public long subscriptionId;

    @Column(name = "webhook_id", nullable = false)
    public String webhookId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The event JSON ({type, timestamp, data}). */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(nullable = false)
    public int attempts;

    /** pending, delivered, failed */
    @Column(nullable = false)
    public String status;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "last_error")
    public String lastError;
}
