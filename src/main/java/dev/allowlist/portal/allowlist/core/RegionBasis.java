package dev.allowlist.portal.allowlist.core;

import java.util.List;
import java.util.Map;

/**
 * The regions region-bound rules followed, and where they came from.
 *
 * @param inferredFrom for INFERRED: each region and the observed host that named it first
 */
public record RegionBasis(Source source, List<String> regions, Map<String, String> inferredFrom) {

    public enum Source {
        /** the profile names the regions */
        PROFILE,
        /** no region in the profile; observed MCS hosts name them */
        INFERRED,
        /** nothing known: every region's rules (the safe default) */
        ALL
    }

    public RegionBasis {
        regions = List.copyOf(regions);
        inferredFrom = Map.copyOf(inferredFrom);
    }
}
