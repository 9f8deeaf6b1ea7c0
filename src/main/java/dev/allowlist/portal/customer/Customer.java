package dev.allowlist.portal.customer;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An end customer of a partner, with the profile that drives its allowlist. */
@Entity
@Table(name = "customer")
public class Customer extends TenantEntity {

    @Column(nullable = false)
    public String name;

    @Column(name = "external_reference")
    public String externalReference;

    public String notes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "regions", nullable = false, columnDefinition = "varchar(40)[]")
    public String[] regions = new String[0];

    @Column(name = "wildcard_support", nullable = false)
    public boolean wildcardSupport;

    @Column(name = "uses_active_directory", nullable = false)
    public boolean usesActiveDirectory;

    @Column(name = "tls_inspection", nullable = false)
    public boolean tlsInspection;

    @Column(name = "application_filtering", nullable = false)
    public boolean applicationFiltering;

    @Column(name = "narrow_hydra", nullable = false)
    public boolean narrowHydra;

    /** A {@link FirewallProduct#jsonName()}, or null when not known. */
    @Column(name = "firewall_product")
    public String firewallProduct;

    /** The Sophos Central tenant the customer is linked to (its sync); null when none. */
    @Column(name = "central_tenant_id")
    public String centralTenantId;

    @Version
    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @BatchSize(size = 100)
    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("license")
    public List<CustomerLicense> licenses = new ArrayList<>();

    @BatchSize(size = 100)
    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("value")
    public List<McsHost> mcsHosts = new ArrayList<>();
}
