package dev.allowlist.portal.partner;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.function.Supplier;

/**
 * Who is asking in this request: the login's {@link Membership} (resolved when it was authenticated),
 * or the actor the request's work runs as ({@link #actingAs}). What a login may do is declared on the
 * resources with {@code @RolesAllowed} ({@link PortalRoles}); this answers who it is, for the tenant,
 * the audit history and the pages.
 */
@RequestScoped
@Named("currentMember")
public class CurrentMember {

    /** The tenant id of requests that belong to no partner: matches no row and cannot be inserted. */
    public static final String NO_TENANT = "~none";

    public enum Status { ANONYMOUS, NOT_REGISTERED, PARTNER_MEMBER, PLATFORM_ADMIN }

    /** Why a login is not a member of any partner, for the "not registered" page. */
    public enum NotRegisteredReason { UNKNOWN_PARTNER, NO_ROLE, SEVERAL_PARTNERS, RESERVED_SUBJECT }

    @Inject
    SecurityIdentity identity;

    @Inject
    PartnerDirectory partners;

    @Inject
    PortalConfig config;

    private Membership current;

    private Membership current() {
        if (current == null && PortalRoleAugmentor.resolving()) {
            return Membership.ANONYMOUS; // this login is being resolved: no member, no tenant yet
        }
        if (current == null) {
            Membership resolved = identity == null || identity.isAnonymous() ? Membership.ANONYMOUS
                    : identity.getAttribute(Membership.ATTRIBUTE);
            // an identity the augmentor did not see (none that Quarkus builds for a request) is resolved here
            current = resolved != null ? resolved : Membership.of(identity, config.partnerClaim(), partners::displayName);
        }
        return current;
    }

    /**
     * Runs work as another actor, then restores whoever was acting, even when the work fails: the one way
     * to act as the system, a feed or a check token. Nothing else changes who the request's member is.
     */
    public <T> T actingAs(Actor actor, Supplier<T> work) {
        Membership before = current();
        current = Membership.of(actor,
                actor.partnerId() == null ? null : partners.displayName(actor.partnerId()).orElse(actor.partnerId()));
        try {
            return work.get();
        } finally {
            current = before;
        }
    }

    public void actingAs(Actor actor, Runnable work) {
        actingAs(actor, () -> {
            work.run();
            return null;
        });
    }

    public Status status() {
        return current().status();
    }

    public NotRegisteredReason notRegisteredReason() {
        return current().notRegisteredReason();
    }

    public boolean isPartnerMember() {
        return status() == Status.PARTNER_MEMBER;
    }

    public boolean isPlatformAdmin() {
        return status() == Status.PLATFORM_ADMIN;
    }

    /** Whether whoever acts now holds a portal role ({@link PortalRoles}): for what a page offers. */
    public boolean may(String portalRole) {
        return current().portalRoles().contains(portalRole);
    }

    /** The tenant every query of this request is scoped to. */
    public String tenantId() {
        return isPartnerMember() ? current().partnerId() : NO_TENANT;
    }

    /**
     * The partner PostgreSQL's row-level security shows this request ({@link TenantConnections}): the
     * member's partner, {@code ~platform} for a platform admin (the platform's own audit events), and
     * otherwise none ('' matches no row).
     */
    public String databaseTenant() {
        return switch (status()) {
            case PARTNER_MEMBER -> current().partnerId();
            case PLATFORM_ADMIN -> "~platform";
            default -> "";
        };
    }

    public String subject() {
        return current().subject();
    }

    public String displayName() {
        Membership m = current();
        return m.displayName() != null ? m.displayName() : m.subject();
    }

    public String email() {
        return current().email();
    }

    public Role role() {
        return current().role();
    }

    public String partnerId() {
        return current().partnerId();
    }

    public String partnerName() {
        return current().partnerName();
    }

    public boolean mayEditCustomers() {
        return may(PortalRoles.CUSTOMER_EDITOR);
    }

    /** The audit history: auditors and partner admins of their partner, platform admins of the platform. */
    public boolean mayReadAudit() {
        return may(PortalRoles.AUDIT_READER);
    }
}
