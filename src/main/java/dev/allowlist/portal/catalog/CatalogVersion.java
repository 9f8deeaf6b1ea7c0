package dev.allowlist.portal.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A stored, immutable version of the rule catalog (platform data: no partner). */
@Entity
@Table(name = "catalog_version")
class CatalogVersion extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(nullable = false)
    public String content;

    @Column(name = "rule_count", nullable = false)
    public int ruleCount;

    @Column(name = "loaded_at", nullable = false)
    public OffsetDateTime loadedAt;

    @Column(nullable = false)
    public boolean current;
}
