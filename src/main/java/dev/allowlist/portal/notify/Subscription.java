package dev.allowlist.portal.notify;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Where a partner hears about its customers: a webhook URL or an e-mail address, and what about. */
@Entity
@Table(name = "subscription")
public class Subscription extends TenantEntity {

    /** "webhook" or "email" */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String target;

    /** One customer, or null for all. */
    @Column(name = "customer_id")
    public Long customerId;

    /** Every new allowlist version (but a catalog publication's, which come as one event). */
    @Column(name = "version_events", nullable = false)
    public boolean versionEvents;

    /** One event per catalog publication that gave customers new versions. */
    @Column(name = "catalog_events", nullable = false)
    public boolean catalogEvents;

    /** A check script reported blocked hosts. */
    @Column(name = "check_events", nullable = false)
    public boolean checkEvents;

    /** Announce changes not applied after this many days; null: never. */
    @Column(name = "pending_days")
    public Integer pendingDays;

    /** Announce feeds not pulled for this many hours; null: never. */
    @Column(name = "stale_feed_hours")
    public Integer staleFeedHours;

    /** A Slack/Teams incoming-webhook body ({"text": ...}) instead of the event JSON. */
    @Column(name = "slack_format", nullable = false)
    public boolean slackFormat;

    /** The language of e-mails: the creator's. */
    @Column(nullable = false)
    public String language;

    @Column(name = "secret_enc")
    public String secretEnc;

    @Column(name = "previous_secret_enc")
    public String previousSecretEnc;

    @Column(name = "previous_until")
    public OffsetDateTime previousUntil;

    @Column(name = "unsubscribe_hash")
    public String unsubscribeHash;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
