package dev.allowlist.portal.check;

import dev.allowlist.portal.partner.UrlTokenEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A report URL for one customer's check scripts: only the token's SHA-256 is kept. */
@Entity
@Table(name = "check_token")
public class CheckToken extends UrlTokenEntity {

    @Column(name = "last_report_at")
    public OffsetDateTime lastReportAt;

    @Column(name = "report_count", nullable = false)
    public long reportCount;
}
