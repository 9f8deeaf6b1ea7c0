package dev.allowlist.portal.check.core;

import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import dev.allowlist.portal.catalog.core.DomainName;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares an allowlist with what a firewall has. A required exact host is present when the firewall
 * names it exactly, covered when a broader entry matches it; a required {@code *.d} is present when
 * the firewall allows the subdomains of {@code d} (Squid's {@code .d} and a Cisco URL object also
 * take {@code d}: the product's form of the same rule), covered when it allows the subdomains of a
 * parent domain; a required pattern is covered when the firewall matches the names it stands for. A
 * firewall entry that equals no required entry but allows one is broader than needed; one that allows
 * none is extra; an entry that matches more than it says (PAN-OS without the ending token) is never
 * merely "used".
 */
public final class Reconciler {

    private Reconciler() {
    }

    public static Reconciliation reconcile(Allowlist allowlist, FirewallLists.Parsed parsed) {
        List<FirewallEntry> firewall = parsed.entries();
        List<Reconciliation.Required> required = new ArrayList<>();
        boolean[] used = new boolean[firewall.size()];
        List<List<String>> covers = new ArrayList<>();
        firewall.forEach(f -> covers.add(new ArrayList<>()));
        for (AllowlistEntry entry : allowlist.entries()) {
            String value = entry.value();
            Reconciliation.RequiredStatus status = Reconciliation.RequiredStatus.MISSING;
            FirewallEntry by = null;
            for (int i = 0; i < firewall.size(); i++) {
                FirewallEntry f = firewall.get(i);
                if (!allows(f, entry)) {
                    continue;
                }
                covers.get(i).add(value);
                if (!f.overMatches() && same(f, entry)) {
                    used[i] = true;
                    if (status != Reconciliation.RequiredStatus.PRESENT) {
                        status = Reconciliation.RequiredStatus.PRESENT;
                        by = f;
                    }
                } else if (status == Reconciliation.RequiredStatus.MISSING) {
                    status = Reconciliation.RequiredStatus.COVERED;
                    by = f;
                }
            }
            required.add(new Reconciliation.Required(value, entry.kind().jsonName(), status, by == null ? null : by.text(),
                    by == null ? 0 : by.line()));
        }
        List<Reconciliation.Found> found = new ArrayList<>();
        for (int i = 0; i < firewall.size(); i++) {
            FirewallEntry f = firewall.get(i);
            Reconciliation.FoundStatus status = used[i] ? Reconciliation.FoundStatus.USED
                    : covers.get(i).isEmpty() ? Reconciliation.FoundStatus.EXTRA : Reconciliation.FoundStatus.BROADER;
            found.add(new Reconciliation.Found(f.line(), f.text(), status, List.copyOf(covers.get(i)), f.overMatches()));
        }
        return new Reconciliation(parsed.format(), required, found, parsed.skipped());
    }

    /** Whether the firewall entry lets through every name the allowlist entry stands for. */
    static boolean allows(FirewallEntry f, AllowlistEntry entry) {
        String value = entry.value();
        return switch (entry.kind()) {
            case EXACT -> f.matchesHost(value);
            case WILDCARD -> {
                String base = DomainName.base(value);
                yield f.match() != FirewallEntry.Match.EXACT && f.matchesHost("a." + base) && f.matchesHost("a.b." + base);
            }
            case PATTERN -> f.match() != FirewallEntry.Match.EXACT && f.matchesHost(value.replace("*", "x1"))
                    && f.matchesHost(value.replace("*", "y2-z3"));
        };
    }

    /** Whether the firewall entry is the product's form of exactly this allowlist entry. */
    static boolean same(FirewallEntry f, AllowlistEntry entry) {
        String value = entry.value();
        return switch (entry.kind()) {
            case EXACT -> f.match() == FirewallEntry.Match.EXACT && f.domain().equals(value);
            case WILDCARD -> (f.match() == FirewallEntry.Match.SUBDOMAINS || f.match() == FirewallEntry.Match.DOMAIN_AND_SUBDOMAINS)
                    && f.domain().equals(DomainName.base(value));
            case PATTERN -> f.match() == FirewallEntry.Match.PATTERN && f.domain().equals(value);
        };
    }
}
