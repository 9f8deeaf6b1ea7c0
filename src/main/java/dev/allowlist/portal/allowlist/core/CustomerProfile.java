package dev.allowlist.portal.allowlist.core;

import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.catalog.core.ProfileOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What drives a customer's allowlist (design.md "profile"), as plain values. */
public record CustomerProfile(
        Set<License> licenses,
        List<String> regions,
        boolean wildcardSupport,
        boolean usesActiveDirectory,
        boolean tlsInspection,
        boolean applicationFiltering,
        boolean narrowHydra) {

    public CustomerProfile {
        licenses = Set.copyOf(licenses);
        regions = List.copyOf(regions);
    }

    public Set<License> effectiveLicenses() {
        return License.withImplications(licenses);
    }

    public Set<ProfileOption> options() {
        EnumSet<ProfileOption> options = EnumSet.noneOf(ProfileOption.class);
        if (usesActiveDirectory) {
            options.add(ProfileOption.USES_ACTIVE_DIRECTORY);
        }
        if (tlsInspection) {
            options.add(ProfileOption.TLS_INSPECTION);
        }
        if (applicationFiltering) {
            options.add(ProfileOption.APPLICATION_FILTERING);
        }
        return options;
    }
}
