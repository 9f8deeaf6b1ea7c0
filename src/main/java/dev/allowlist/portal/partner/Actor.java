package dev.allowlist.portal.partner;

import dev.allowlist.portal.partner.CurrentMember.Status;

/**
 * Who acts when no login does: the portal's own work for a partner (background jobs, demo data), the
 * platform's own work, a firewall pulling a feed, a check script posting its report. Each has a subject
 * of its own, so the audit history says who it was, and a role no greater than its work needs. Work runs
 * as one only through {@link CurrentMember#actingAs}.
 */
public record Actor(Status status, String subject, String displayName, Role role, String partnerId) {

    /** The portal's own work for a partner. */
    public static Actor system(String partnerId, Role role) {
        return new Actor(Status.PARTNER_MEMBER, "system", "System", role, partnerId);
    }

    /** The platform's own work outside a login (demo data, maintenance): a platform admin named "system". */
    public static Actor platformSystem() {
        return new Actor(Status.PLATFORM_ADMIN, "system", "System", Role.PLATFORM_ADMIN, null);
    }

    /** A firewall pulling a feed: it acts for the feed's partner, with no role beyond reading that feed. */
    public static Actor feed(String partnerId, long feedId) {
        return new Actor(Status.PARTNER_MEMBER, "feed:" + feedId, "Feed " + feedId, Role.PARTNER_VIEWER, partnerId);
    }

    /** A check script posting its report: it acts for the token's partner, with no role beyond that report. */
    public static Actor checkToken(String partnerId, long tokenId) {
        return new Actor(Status.PARTNER_MEMBER, "check:" + tokenId, "Check token " + tokenId, Role.PARTNER_VIEWER,
                partnerId);
    }
}
