package dev.allowlist.portal.allowlist;

import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import dev.allowlist.portal.allowlist.core.RegionBasis;
import dev.allowlist.portal.catalog.core.DomainName;
import dev.allowlist.portal.catalog.core.LocalizedText;
import dev.allowlist.portal.catalog.core.Owner;
import dev.allowlist.portal.catalog.core.Rule;
import dev.allowlist.portal.catalog.core.RuleCatalog;
import dev.allowlist.portal.system.I18n;
import java.util.List;

/** An allowlist as a page shows it: entries grouped by owner, reasons and warnings in the user's language. */
public record AllowlistView(List<EntryView> sophos, List<EntryView> thirdParty, List<WarningView> warnings,
        List<UnemittedView> unemitted, String regionExplanation, String catalogVersion, String contentHash, int entryCount) {

    public record UnemittedView(String region, String rule, String hostPattern, String cover) {
    }

    public record ReasonView(String text, String note, String ruleId) {
    }

    public record EntryView(String value, String kind, String ports, List<ReasonView> reasons, boolean wildcard) {
    }

    public record WarningView(String message, String advice) {
    }

    public static AllowlistView of(Allowlist allowlist, RuleCatalog catalog, I18n i18n) {
        String language = i18n.language();
        List<EntryView> sophos = allowlist.entries().stream().filter(e -> e.owner() == Owner.SOPHOS)
                .map(e -> entry(e, catalog, i18n)).toList();
        List<EntryView> thirdParty = allowlist.entries().stream().filter(e -> e.owner() == Owner.THIRD_PARTY)
                .map(e -> entry(e, catalog, i18n)).toList();
        List<WarningView> warnings = warnings(allowlist, catalog, i18n);
        RegionBasis basis = allowlist.regionBasis();
        String regions = String.join(", ", basis.regions());
        String explanation = switch (basis.source()) {
            case PROFILE -> i18n.customers().region_fromProfile(regions);
            case INFERRED -> i18n.customers().region_inferred(regions, String.join(", ", basis.inferredFrom().values()));
            case ALL -> i18n.customers().region_allExplained();
        };
        List<UnemittedView> unemitted = allowlist.unemitted().stream().map(u -> new UnemittedView(u.region(), u.rule(),
                u.hostPattern(), u.coveredBy() == null ? i18n.customers().allowlist_unemitted_uncovered()
                        : u.proxyTakes() ? i18n.customers().allowlist_unemitted_covered(u.coveredBy())
                                : i18n.customers().allowlist_unemitted_coveredNotTaken(u.coveredBy()))).toList();
        return new AllowlistView(sophos, thirdParty, warnings, unemitted, explanation, allowlist.catalogVersion(),
                allowlist.contentHash(), allowlist.entries().size());
    }

    /** The allowlist's warnings in the page's language, with the vendor's rule text as advice. */
    public static List<WarningView> warnings(Allowlist allowlist, RuleCatalog catalog, I18n i18n) {
        String language = i18n.language();
        return allowlist.warnings().stream().map(w -> new WarningView(
                i18n.message("warning." + w.code().name(), w.subject(), w.detail() == null ? "" : w.detail()),
                w.detail() == null ? null : catalog.rule(w.detail()).map(Rule::withoutWildcard)
                        .map(text -> text.in(language)).orElse(null))).toList();
    }

    /** How many entries are wildcards: the allowlist's one-line summary counts them. */
    public long wildcardCount() {
        return java.util.stream.Stream.concat(sophos.stream(), thirdParty.stream()).filter(EntryView::wildcard).count();
    }

    private static EntryView entry(AllowlistEntry entry, RuleCatalog catalog, I18n i18n) {
        String language = i18n.language();
        List<ReasonView> reasons = entry.reasons().stream().map(reason -> {
            String text;
            String note = null;
            if (reason.isObservedHost()) {
                text = i18n.customers().reason_observed();
            } else {
                text = catalog.section(reason.section()).map(s -> s.title().in(language)).orElse(reason.section());
                note = catalog.rule(reason.source()).map(Rule::note).map((LocalizedText t) -> t.in(language)).orElse(null);
            }
            if (reason.replaces() != null) {
                text = text + " — " + i18n.customers().reason_replaces(reason.replaces());
            }
            return new ReasonView(text, note, reason.source());
        }).toList();
        String ports = String.join(", ", entry.ports().stream().map(String::valueOf).toList());
        return new EntryView(entry.value(), i18n.message("kind." + entry.kind().jsonName()), ports, reasons,
                entry.kind() == DomainName.Kind.WILDCARD);
    }
}
