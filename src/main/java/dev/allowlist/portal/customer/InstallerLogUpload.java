package dev.allowlist.portal.customer;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The record of an uploaded installer log (never the file itself). */
@Entity
@Table(name = "installer_log_upload")
public class InstallerLogUpload extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    public Customer customer;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public String encoding;

    @Column(name = "line_count", nullable = false)
    public int lineCount;

    @Column(name = "hosts_found", nullable = false)
    public int hostsFound;

    @Column(name = "hosts_added", nullable = false)
    public int hostsAdded;

    @Column(name = "hosts_known", nullable = false)
    public int hostsKnown;

    @Column(name = "lines_ignored", nullable = false)
    public int linesIgnored;

    /** JSON of {@link InstallerLogService.Outcome}. */
    @Column(nullable = false)
    public String result;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "first_uploaded_at", nullable = false)
    public OffsetDateTime firstUploadedAt;

    @Column(name = "last_uploaded_at", nullable = false)
    public OffsetDateTime lastUploadedAt;

    @Column(name = "upload_count", nullable = false)
    public int uploadCount;
}
