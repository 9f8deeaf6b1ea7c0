package dev.allowlist.portal.central;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A partner's connection to its Sophos Central Partner account, and the state of its sync. */
@Entity
@Table(name = "central_connection")
public class CentralConnection extends TenantEntity {

    /** Where a sync stands; each has its sentence on the integration page. */
    public enum Status {
        CONNECTED, RUNNING, OK, PARTIAL, RATE_LIMITED, REFUSED, UNREACHABLE, INTERRUPTED;

        public String stored() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Status of(String stored) {
            return valueOf(stored.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    @Column(name = "client_id", nullable = false)
    public String clientId;

    /** The client secret, sealed ({@link dev.allowlist.portal.central.core.SealedSecrets}); never shown. */
    @Column(name = "secret_sealed", nullable = false)
    public String secretSealed;

    @Column(name = "central_partner_id", nullable = false)
    public String centralPartnerId;

    @Column(name = "auto_apply", nullable = false)
    public boolean autoApply;

    @Column(name = "connected_by", nullable = false)
    public String connectedBy;

    @Column(name = "connected_at", nullable = false)
    public OffsetDateTime connectedAt;

    @Column(name = "first_applied_at")
    public OffsetDateTime firstAppliedAt;

    @Column(nullable = false)
    public String status = Status.CONNECTED.stored();

    /** The status's number: tenants read, tenants skipped, or the page a run stopped at. */
    @Column(name = "status_count")
    public Integer statusCount;

    @Column(name = "status_at")
    public OffsetDateTime statusAt;

    @Column(name = "retry_after")
    public OffsetDateTime retryAfter;

    /** The run's number: a tenant read by it carries it, so that the tenants a complete run missed are flagged. */
    @Column(nullable = false)
    public int run;

    /** The page an interrupted run resumes at; null between runs. */
    @Column(name = "resume_page")
    public Integer resumePage;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "last_started_at")
    public OffsetDateTime lastStartedAt;

    @Column(name = "last_finished_at")
    public OffsetDateTime lastFinishedAt;

    @Version
    @Column(nullable = false)
    public int version;

    public Status state() {
        return Status.of(status);
    }
}
