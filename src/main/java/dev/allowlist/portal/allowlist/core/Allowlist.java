package dev.allowlist.portal.allowlist.core;

import java.util.List;

/**
 * A generated allowlist: entries in deterministic order, warnings, the region-bound rules it could
 * not emit for the customer's regions, and a hash of its content (entries only).
 */
public record Allowlist(String catalogVersion, List<AllowlistEntry> entries, List<AllowlistWarning> warnings,
        RegionBasis regionBasis, List<UnemittedRule> unemitted, String contentHash) {

    public Allowlist {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
        unemitted = List.copyOf(unemitted);
    }

    /** The ports the entries name, ascending. */
    public List<Integer> ports() {
        return entries.stream().flatMap(e -> e.ports().stream()).distinct().sorted().toList();
    }
}
