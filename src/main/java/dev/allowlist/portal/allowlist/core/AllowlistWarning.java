package dev.allowlist.portal.allowlist.core;

/**
 * Something the partner must act on. {@code subject} is what it is about (a value, a region or a
 * host); {@code detail} gives context (the rule id whose advice applies, or a region).
 */
public record AllowlistWarning(Code code, String subject, String detail) {

    public enum Code {
        /** explicit mode: the entry still needs a {@code *}; detail: the rule with advice */
        NEEDS_WILDCARD,
        /** a region outside the catalog's regions: no region-bound rule exists for it */
        REGION_WITHOUT_RULES,
        /** an observed host names a region that is not among the profile's regions; detail: region */
        HOST_REGION_MISMATCH,
        /** narrowHydra is on but no region is known, so *.hydra.sophos.com stays */
        NARROW_HYDRA_NEEDS_REGION,
        /** narrowHydra is on but a region has no narrower rule; detail: the region */
        NARROW_HYDRA_REGION_WITHOUT_RULE,
        /** an observed host that is not under a Sophos domain */
        HOST_OUTSIDE_VENDOR_DOMAINS
    }

    /** The warning in English, for the JSON API and logs; pages use the message bundles. */
    public String message() {
        return switch (code) {
            case NEEDS_WILDCARD -> subject + " needs a proxy that supports wildcards; the proxy of this customer does not.";
            case REGION_WITHOUT_RULES -> "The vendor page names no region-bound host for region " + subject
                    + "; the rules that could not be emitted are listed.";
            case HOST_REGION_MISMATCH -> "Observed host " + subject + " names region " + detail + ", which is not among the customer's regions.";
            case NARROW_HYDRA_NEEDS_REGION -> "narrowHydra needs a known region; " + subject + " is kept.";
            case NARROW_HYDRA_REGION_WITHOUT_RULE -> "No narrower form of " + subject + " exists for region " + detail + "; it is kept.";
            case HOST_OUTSIDE_VENDOR_DOMAINS -> "Observed host " + subject + " is not under a Sophos domain.";
        };
    }
}
