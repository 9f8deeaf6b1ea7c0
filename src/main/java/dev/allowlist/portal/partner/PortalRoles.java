package dev.allowlist.portal.partner;

/**
 * What a login may do in the portal, as roles that {@code @RolesAllowed} names on every resource.
 * {@link PortalRoleAugmentor} grants them from the login's {@link Membership}; the identity
 * provider's own roles (partner-admin, auditor, ...) say who someone is, these say what the portal
 * lets them do. The prefix keeps the two apart: a group the identity provider issues with this
 * prefix is dropped, never trusted.
 */
public final class PortalRoles {

    public static final String PREFIX = "portal:";

    /** Reads its partner's customers, allowlists, exports and checks: any registered member of a partner. */
    public static final String CUSTOMER_READER = PREFIX + "customer-reader";

    /** Changes customers, hosts, imports and what a firewall applied: partner admins and editors. */
    public static final String CUSTOMER_EDITOR = PREFIX + "customer-editor";

    /** Manages the partner's feeds, check tokens and notifications: partner admins. */
    public static final String PARTNER_ADMIN = PREFIX + "partner-admin";

    /** Reads the audit history: auditors and partner admins (their partner's), platform admins (the platform's). */
    public static final String AUDIT_READER = PREFIX + "audit-reader";

    /** Registers partners and publishes catalogs. */
    public static final String PLATFORM_ADMIN = PREFIX + "platform-admin";

    private PortalRoles() {
    }
}
