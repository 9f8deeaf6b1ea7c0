package dev.allowlist.portal.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A run that brings every customer's allowlist to a newly published catalog version (platform data). */
@Entity
@Table(name = "catalog_publication")
public class CatalogPublication extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "catalog_version", nullable = false)
    public String catalogVersion;

    @Column(name = "previous_version")
    public String previousVersion;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public int done;

    @Column(nullable = false)
    public int changed;

    @Column(name = "last_partner", nullable = false)
    public String lastPartner;

    @Column(name = "last_customer_id", nullable = false)
    public long lastCustomerId;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public String error;

    /** The instance running it, while its lease lasts. */
    public String owner;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    public int percent() {
        return total == 0 ? 100 : (int) (100L * done / total);
    }
}
