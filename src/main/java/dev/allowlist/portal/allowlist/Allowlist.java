package dev.allowlist.portal.allowlist;

import java.util.List;

/** A generated allowlist: entries in deterministic order, warnings, and a hash of its content. */
public record Allowlist(String catalogVersion, List<AllowlistEntry> entries, List<AllowlistWarning> warnings,
        RegionBasis regionBasis, String contentHash) {

    public Allowlist {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
