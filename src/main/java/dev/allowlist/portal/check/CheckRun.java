package dev.allowlist.portal.check;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One run of a check script on a customer's machine, as its report said (table check_report). */
@Entity
@Table(name = "check_report")
public class CheckRun extends TenantEntity {

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    /** "script" (posted with a check token) or "upload" (a person uploaded its JSON). */
    @Column(nullable = false)
    public String source;

    @Column(name = "check_token_id")
    public Long checkTokenId;

    @Column(nullable = false)
    public String machine;

    public String proxy;

    @Column(name = "script_version", nullable = false)
    public String scriptVersion;

    @Column(name = "allowlist_version", nullable = false)
    public int allowlistVersion;

    @Column(nullable = false)
    public int passed;

    @Column(nullable = false)
    public int failed;

    /** The report's results, as JSON. */
    @Column(nullable = false)
    public String results;
}
