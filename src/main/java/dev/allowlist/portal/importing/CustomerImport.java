package dev.allowlist.portal.importing;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An uploaded customer list, kept between its preview and its apply (the preview saves nothing else). */
@Entity
@Table(name = "customer_import")
public class CustomerImport extends TenantEntity {

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public byte[] content;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;
}
