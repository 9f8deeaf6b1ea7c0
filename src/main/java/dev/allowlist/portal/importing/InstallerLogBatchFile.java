package dev.allowlist.portal.importing;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One file of a batch of installer logs and what became of it. The content is kept only while the
 * file waits to be assigned to a customer (unmatched); an ingested file is the customer's upload.
 */
@Entity
@Table(name = "installer_log_batch_file")
public class InstallerLogBatchFile extends TenantEntity {

    @Column(nullable = false)
    public String batch;

    @Column(nullable = false)
    public String name;

    public byte[] content;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "customer_id")
    public Long customerId;

    @Column(name = "upload_id")
    public Long uploadId;

    /** ingested, repeated (the same file was uploaded before), unmatched, refused */
    @Column(nullable = false)
    public String status;

    public String message;
}
