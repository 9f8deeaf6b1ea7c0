package dev.allowlist.portal.partner;

import java.util.Collection;
import java.util.Optional;

/** A member's role, as the identity provider issues it (design.md "role"). */
public enum Role {
    PARTNER_ADMIN("partner-admin"),
    PARTNER_EDITOR("partner-editor"),
    PARTNER_VIEWER("partner-viewer"),
    AUDITOR("auditor"),
    PLATFORM_ADMIN("platform-admin");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    /** The strongest role among the groups/roles of a login; empty when it has none of ours. */
    public static Optional<Role> strongestOf(Collection<String> groups) {
        for (Role role : values()) {
            if (groups.contains(role.claimValue)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public boolean mayEditCustomers() {
        return this == PARTNER_ADMIN || this == PARTNER_EDITOR;
    }

    public boolean mayReadCustomers() {
        return this != PLATFORM_ADMIN;
    }
}
