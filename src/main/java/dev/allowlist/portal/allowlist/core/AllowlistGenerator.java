package dev.allowlist.portal.allowlist.core;

import dev.allowlist.portal.allowlist.core.AllowlistWarning.Code;
import dev.allowlist.portal.allowlist.core.RegionBasis.Source;
import dev.allowlist.portal.catalog.core.DataRegions;
import dev.allowlist.portal.catalog.core.DomainName;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.catalog.core.Owner;
import dev.allowlist.portal.catalog.core.ProfileOption;
import dev.allowlist.portal.catalog.core.Rule;
import dev.allowlist.portal.catalog.core.RuleCatalog;
import dev.allowlist.portal.catalog.core.RuleForm;
import dev.allowlist.portal.catalog.core.Section;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Catalog + customer profile + observed MCS hosts → allowlist, following design.md's "Allowlist
 * rules" to the letter. Plain Java: no framework, no database; the same input always gives the same
 * output, whatever the order of the hosts or regions.
 */
public final class AllowlistGenerator {

    private final RuleCatalog catalog;

    public AllowlistGenerator(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    public Allowlist generate(CustomerProfile profile, Collection<String> observedHosts) {
        Set<License> licenses = profile.effectiveLicenses();
        Set<ProfileOption> options = profile.options();
        List<String> hosts = new ArrayList<>(new TreeSet<>(observedHosts));
        List<AllowlistWarning> warnings = new ArrayList<>();
        RegionBasis basis = regionBasis(profile, hosts, warnings);
        Set<String> replacedByNarrowing = narrowing(profile, basis, licenses, options, warnings);

        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Rule rule : catalog.rules()) {
            if (applies(rule, profile, licenses, options, basis, replacedByNarrowing)) {
                drafts.computeIfAbsent(rule.value(), v -> new Draft(v, rule.owner()))
                        .add(Reason.rule(rule.id(), rule.section()), catalog.indexOf(rule.id()) * 2 + 1,
                                rule.ports() != null ? rule.ports() : catalog.ports());
            }
        }
        int observedOrder = catalog.indexOf(catalog.observedHostsBefore()) * 2;
        for (String host : hosts) {
            Owner owner = catalog.isVendorDomain(host) ? Owner.SOPHOS : Owner.THIRD_PARTY;
            if (owner != Owner.SOPHOS) {
                warnings.add(new AllowlistWarning(Code.HOST_OUTSIDE_VENDOR_DOMAINS, host, null));
            }
            drafts.computeIfAbsent(host, v -> new Draft(v, owner))
                    .add(Reason.observedHost(host), observedOrder, catalog.ports());
        }
        if (profile.wildcardSupport()) {
            substituteWildcards(drafts);
        }

        List<Draft> ordered = new ArrayList<>(drafts.values());
        ordered.sort(Comparator.comparing((Draft d) -> d.owner == Owner.SOPHOS ? 0 : 1)
                .thenComparingInt(d -> d.order)
                .thenComparing(d -> d.value));
        List<AllowlistEntry> entries = new ArrayList<>(ordered.size());
        for (Draft draft : ordered) {
            AllowlistEntry entry = draft.toEntry();
            entries.add(entry);
            if (!profile.wildcardSupport() && entry.needsWildcardSupport()) {
                warnings.add(new AllowlistWarning(Code.NEEDS_WILDCARD, entry.value(), adviceRule(entry)));
            }
        }
        return new Allowlist(catalog.id(), entries, warnings, basis, unemitted(profile, basis, licenses, options, entries),
                contentHash(entries));
    }

    /**
     * For each of the customer's regions the vendor page names no host for: every region-bound rule
     * family that would otherwise apply (its section and form hold), with the wildcard entry that
     * covers its host, if any. Narrowing rules are not missing: without them the broad rule stays.
     */
    private List<UnemittedRule> unemitted(CustomerProfile profile, RegionBasis basis, Set<License> licenses,
            Set<ProfileOption> options, List<AllowlistEntry> entries) {
        List<UnemittedRule> missing = new ArrayList<>();
        for (String region : basis.regions()) {
            if (catalog.isKnownRegion(region)) {
                continue;
            }
            Set<String> families = new LinkedHashSet<>();
            for (Rule rule : catalog.rules()) {
                if (rule.region() == null || rule.narrows() != null || !sectionHolds(rule, licenses, options)
                        || (rule.form() == RuleForm.WILDCARD && !profile.wildcardSupport())) {
                    continue;
                }
                String id = rule.id().replace(rule.region(), "<region>");
                if (!families.add(id)) {
                    continue;
                }
                String pattern = rule.value().replace(rule.region(), "<region>");
                String concrete = rule.value().replace(rule.region(), region).replace("-*-", "-x-");
                AllowlistEntry cover = entries.stream()
                        .filter(e -> e.kind() == DomainName.Kind.WILDCARD && DomainName.covers(e.value(), concrete))
                        .min(Comparator.comparingInt((AllowlistEntry e) -> -e.value().length())).orElse(null);
                missing.add(new UnemittedRule(region, id, pattern, cover == null ? null : cover.value(),
                        cover != null && profile.wildcardSupport()));
            }
        }
        return missing;
    }

    /** The regions region-bound rules follow: the profile's, else those observed hosts name, else all. */
    private RegionBasis regionBasis(CustomerProfile profile, List<String> hosts, List<AllowlistWarning> warnings) {
        Map<String, String> named = new TreeMap<>();
        for (String host : hosts) {
            regionNamedBy(host).ifPresent(region -> named.putIfAbsent(region, host));
        }
        RegionBasis basis;
        if (!profile.regions().isEmpty()) {
            List<String> regions = sortedRegions(profile.regions());
            basis = new RegionBasis(Source.PROFILE, regions, Map.of());
            named.forEach((region, host) -> {
                if (!regions.contains(region)) {
                    warnings.add(new AllowlistWarning(Code.HOST_REGION_MISMATCH, host, region));
                }
            });
        } else if (!named.isEmpty()) {
            basis = new RegionBasis(Source.INFERRED, sortedRegions(named.keySet()), named);
        } else {
            basis = new RegionBasis(Source.ALL, List.of(), Map.of());
        }
        for (String region : basis.regions()) {
            if (!catalog.isKnownRegion(region)) {
                warnings.add(new AllowlistWarning(Code.REGION_WITHOUT_RULES, region, null));
            }
        }
        return basis;
    }

    /**
     * The region a host names, by names the catalog knows only: a region-bound rule's host (or a host
     * its wildcard covers), else an AWS region code that is one of the catalog's or a data region's.
     * Any other host names no region, and the profile's regions stand as typed.
     */
    private Optional<String> regionNamedBy(String host) {
        for (Rule rule : catalog.rules()) {
            if (rule.region() != null && (rule.value().equals(host) || DomainName.covers(rule.value(), host))) {
                return Optional.of(rule.region());
            }
        }
        return RegionNames.named(host)
                .filter(code -> catalog.isKnownRegion(code) || DataRegions.isDataRegion(code));
    }

    /** Known regions in the catalog's order, then the others alphabetically. */
    private List<String> sortedRegions(Collection<String> regions) {
        List<String> known = new ArrayList<>();
        catalog.regions().forEach(r -> {
            if (regions.contains(r.code())) {
                known.add(r.code());
            }
        });
        new TreeSet<>(regions).forEach(r -> {
            if (!known.contains(r)) {
                known.add(r);
            }
        });
        return known;
    }

    /**
     * The rules that narrowing rules replace for this customer: only with {@code narrowHydra}, a known
     * region, and a narrower rule for every one of the customer's regions.
     */
    private Set<String> narrowing(CustomerProfile profile, RegionBasis basis, Set<License> licenses,
            Set<ProfileOption> options, List<AllowlistWarning> warnings) {
        Set<String> replaced = new LinkedHashSet<>();
        if (!profile.narrowHydra()) {
            return replaced;
        }
        Set<String> targets = new LinkedHashSet<>();
        for (Rule rule : catalog.rules()) {
            if (rule.narrows() != null && sectionHolds(rule, licenses, options)) {
                targets.add(rule.narrows());
            }
        }
        for (String target : targets) {
            String value = catalog.rule(target).orElseThrow().value();
            if (basis.regions().isEmpty()) {
                warnings.add(new AllowlistWarning(Code.NARROW_HYDRA_NEEDS_REGION, value, null));
                continue;
            }
            boolean everyRegion = true;
            for (String region : basis.regions()) {
                boolean has = catalog.rules().stream()
                        .anyMatch(r -> target.equals(r.narrows()) && region.equals(r.region()));
                if (!has) {
                    everyRegion = false;
                    warnings.add(new AllowlistWarning(Code.NARROW_HYDRA_REGION_WITHOUT_RULE, value, region));
                }
            }
            if (everyRegion) {
                replaced.add(target);
            }
        }
        return replaced;
    }

    private boolean applies(Rule rule, CustomerProfile profile, Set<License> licenses, Set<ProfileOption> options,
            RegionBasis basis, Set<String> replacedByNarrowing) {
        if (!sectionHolds(rule, licenses, options)) {
            return false;
        }
        if (rule.form() == RuleForm.WILDCARD && !profile.wildcardSupport()) {
            return false;
        }
        if (rule.region() != null && !basis.regions().isEmpty() && !basis.regions().contains(rule.region())) {
            return false;
        }
        if (rule.narrows() != null) {
            return replacedByNarrowing.contains(rule.narrows());
        }
        return !replacedByNarrowing.contains(rule.id());
    }

    private boolean sectionHolds(Rule rule, Set<License> licenses, Set<ProfileOption> options) {
        Section section = catalog.section(rule.section()).orElseThrow();
        return section.condition().holds(licenses, options) && rule.condition().holds(licenses, options);
    }

    /**
     * With wildcard support, a vendor wildcard replaces exactly the entries it covers (never the apex,
     * never a third-party entry); the replaced entries' reasons move to the most general wildcard.
     */
    private static void substituteWildcards(Map<String, Draft> drafts) {
        List<Draft> wildcards = drafts.values().stream()
                .filter(d -> d.owner == Owner.SOPHOS && d.kind == DomainName.Kind.WILDCARD)
                .sorted(Comparator.comparingInt((Draft d) -> d.value.length()).thenComparing(d -> d.value))
                .toList();
        List<Draft> covered = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            if (draft.owner != Owner.SOPHOS) {
                continue;
            }
            for (Draft wildcard : wildcards) {
                if (DomainName.covers(wildcard.value, draft.value)) {
                    covered.add(draft);
                    break;
                }
            }
        }
        for (Draft draft : covered) {
            // the shortest covering wildcard is itself covered by none: it is the one that stays
            Draft top = wildcards.stream().filter(w -> DomainName.covers(w.value, draft.value)).findFirst().orElseThrow();
            top.absorb(draft);
            drafts.remove(draft.value);
        }
    }

    private String adviceRule(AllowlistEntry entry) {
        return entry.reasons().stream().map(Reason::source)
                .filter(source -> catalog.rule(source).map(r -> r.withoutWildcard() != null).orElse(false))
                .findFirst().orElse(null);
    }

    /**
     * SHA-256 over the canonical form: one line per entry, sorted by value, with kind and ports.
     * Reasons and order do not count: the hash changes iff what a firewall must allow changes.
     */
    static String contentHash(List<AllowlistEntry> entries) {
        StringBuilder canonical = new StringBuilder();
        entries.stream().sorted(Comparator.comparing(AllowlistEntry::value)).forEach(e -> {
            canonical.append(e.value()).append('\t').append(e.kind().jsonName()).append('\t');
            for (int i = 0; i < e.ports().size(); i++) {
                canonical.append(i == 0 ? "" : ",").append(e.ports().get(i));
            }
            canonical.append('\n');
        });
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** An entry being assembled: its reasons in the order they were found, the earliest rule position. */
    private static final class Draft {
        final String value;
        final Owner owner;
        final DomainName.Kind kind;
        final List<Reason> reasons = new ArrayList<>();
        final Set<Integer> ports = new TreeSet<>();
        int order = Integer.MAX_VALUE;

        Draft(String value, Owner owner) {
            this.value = value;
            this.owner = owner;
            this.kind = DomainName.kindOf(value);
        }

        void add(Reason reason, int position, List<Integer> rulePorts) {
            if (!reasons.contains(reason)) {
                reasons.add(reason);
            }
            ports.addAll(rulePorts);
            order = Math.min(order, position);
        }

        void absorb(Draft covered) {
            for (Reason reason : covered.reasons) {
                Reason moved = reason.replacing(covered.value);
                if (!reasons.contains(moved)) {
                    reasons.add(moved);
                }
            }
            ports.addAll(covered.ports);
            order = Math.min(order, covered.order);
        }

        AllowlistEntry toEntry() {
            List<Reason> sorted = new ArrayList<>(reasons);
            // direct reasons first, then those taken over from covered entries; each group stable
            sorted.sort(Comparator.comparing((Reason r) -> r.replaces() == null ? 0 : 1));
            return new AllowlistEntry(sorted.get(0).source(), value, kind, List.copyOf(ports), owner, sorted);
        }
    }
}
