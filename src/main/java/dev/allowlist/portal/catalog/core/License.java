package dev.allowlist.portal.catalog.core;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** A Sophos Central license of a customer. MTR implies EDR, EDR implies ENDPOINT; CENTRAL always holds. */
public enum License {
    CENTRAL, ENDPOINT, AD_SYNC, EDR, MTR;

    /** The licenses a customer effectively has: the given ones, CENTRAL, and what they imply. */
    public static Set<License> withImplications(Collection<License> licenses) {
        EnumSet<License> all = EnumSet.of(CENTRAL);
        all.addAll(licenses);
        if (all.contains(MTR)) {
            all.add(EDR);
        }
        if (all.contains(EDR)) {
            all.add(ENDPOINT);
        }
        return all;
    }

    /** Parses a license name as the API and forms send it; null when it names no license. */
    public static License parse(String name) {
        if (name == null) {
            return null;
        }
        for (License license : values()) {
            if (license.name().equalsIgnoreCase(name.trim())) {
                return license;
            }
        }
        return null;
    }
}
