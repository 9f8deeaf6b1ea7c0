package dev.allowlist.portal.central;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant of the partner's Sophos Central account as the sync last read it. */
@Entity
@Table(name = "central_tenant")
public class CentralTenant extends TenantEntity {

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Column(name = "data_geography")
    public String dataGeography;

    @Column(name = "data_region")
    public String dataRegion;

    @Column(name = "api_host")
    public String apiHost;

    /** Its license products as "code|name|end date" (end date empty when none): what the mapping reads. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "products", nullable = false, columnDefinition = "text[]")
    public String[] products = new String[0];

    /** When its licenses were last read; null when they never could be. */
    @Column(name = "licenses_read_at")
    public OffsetDateTime licensesReadAt;

    /** Why its licenses could not be read in the last run; null when they were. */
    @Column(name = "read_error")
    public String readError;

    @Column(name = "seen_run", nullable = false)
    public int seenRun;

    @Column(name = "seen_at", nullable = false)
    public OffsetDateTime seenAt;

    /** When a complete run no longer found it in Sophos Central; it is flagged, never deleted. */
    @Column(name = "removed_at")
    public OffsetDateTime removedAt;
}
