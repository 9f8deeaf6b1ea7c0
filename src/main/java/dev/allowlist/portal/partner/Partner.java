package dev.allowlist.portal.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A tenant: one MSP organisation. Its id is the slug the identity provider issues. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** When a platform admin disabled it; null while it is enabled. */
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;

    public boolean enabled() {
        return disabledAt == null;
    }
}
