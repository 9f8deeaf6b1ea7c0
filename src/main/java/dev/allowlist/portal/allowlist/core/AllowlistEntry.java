package dev.allowlist.portal.allowlist.core;

import dev.allowlist.portal.catalog.core.DomainName;
import dev.allowlist.portal.catalog.core.Owner;
import java.util.List;

/**
 * One line of an allowlist.
 *
 * @param id the entry's stable id: the first rule it comes from, or {@code mcs:<host>}
 */
public record AllowlistEntry(String id, String value, DomainName.Kind kind, List<Integer> ports, Owner owner,
        List<Reason> reasons) {

    public AllowlistEntry {
        ports = List.copyOf(ports);
        reasons = List.copyOf(reasons);
    }

    public boolean needsWildcardSupport() {
        return kind != DomainName.Kind.EXACT;
    }
}
