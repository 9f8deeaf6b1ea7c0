package dev.allowlist.portal.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * What every row a partner owns starts with: its id, and the partner it belongs to. Hibernate fills
 * {@code partner_id} from the request's tenant ({@link PartnerTenantResolver}) on insert and adds it to
 * every query; PostgreSQL's row-level security checks the same column ({@link TenantConnections}).
 */
@MappedSuperclass
public abstract class TenantEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;
}
