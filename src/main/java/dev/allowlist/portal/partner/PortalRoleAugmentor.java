package dev.allowlist.portal.partner;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Collectors;

/**
 * Maps a login to what it may do in the portal: resolves its {@link Membership} once, keeps it on the
 * identity, and grants the {@link PortalRoles} that {@code @RolesAllowed} checks. A partner the
 * directory already knows is resolved on the I/O thread; an unknown one is asked of the database on a
 * worker (it may have been registered by another instance).
 */
@ApplicationScoped
public class PortalRoleAugmentor implements SecurityIdentityAugmentor {

    @Inject
    PartnerDirectory partners;

    @Inject
    PortalConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Membership known = Membership.of(identity, config.partnerClaim(), partners::known);
        if (known.notRegisteredReason() != CurrentMember.NotRegisteredReason.UNKNOWN_PARTNER) {
            return Uni.createFrom().item(withPortalRoles(identity, known));
        }
        return context.runBlocking(() -> {
            RESOLVING.set(true);
            try {
                return withPortalRoles(identity, Membership.of(identity, config.partnerClaim(), partners::displayName));
            } finally {
                RESOLVING.remove();
            }
        });
    }

    /**
     * Set while a login's partner is looked up in the database: that query's session and connection ask
     * {@link CurrentMember} for the tenant, and the identity it would read is the one being built. While
     * this is set, the request has no member yet (no tenant), as before authentication.
     */
    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    static boolean resolving() {
        return RESOLVING.get() != null;
    }

    /** The identity with its membership and portal roles, and without any portal role it came with. */
    static SecurityIdentity withPortalRoles(SecurityIdentity identity, Membership membership) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addRoles(identity.getRoles().stream().filter(r -> !r.startsWith(PortalRoles.PREFIX))
                        .collect(Collectors.toSet()))
                .addRoles(membership.portalRoles())
                .addAttributes(identity.getAttributes())
                .addAttribute(Membership.ATTRIBUTE, membership)
                .addPermissions(identity.getPermissions())
                .addPermissionChecker(identity::checkPermission)
                .build();
    }
}
