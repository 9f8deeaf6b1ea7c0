package dev.allowlist.portal.partner;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds Hibernate's discriminator multi-tenancy ({@code @TenantId partner_id}) from the login, so no
 * query can forget the partner. Outside a request (start-up work) it is the empty tenant.
 */
@PersistenceUnitExtension
@ApplicationScoped
class PartnerTenantResolver implements TenantResolver {

    @Override
    public String getDefaultTenantId() {
        return CurrentMember.NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        if (!Arc.container().requestContext().isActive()) {
            return CurrentMember.NO_TENANT;
        }
        return Arc.container().instance(CurrentMember.class).get().tenantId();
    }
}
