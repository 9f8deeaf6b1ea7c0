package dev.allowlist.portal.check.core;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a firewall's configuration does with a customer's allowlist: each required entry present,
 * covered by a broader firewall entry, or missing; each firewall entry used, broader than needed, or
 * asked for by no rule.
 */
public record Reconciliation(ListFormat format, List<Required> required, List<Found> firewall, List<String> skipped) {

    public enum RequiredStatus { PRESENT, COVERED, MISSING }

    public enum FoundStatus { USED, BROADER, EXTRA }

    /** @param by the firewall entry that allows it (as written), null when missing */
    public record Required(String value, String kind, RequiredStatus status, String by, int line) {

        /** "present", "covered", "missing": the key of its label and its CSS class. */
        public String statusKey() {
            return status.name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param covers the required entries this firewall entry allows */
    public record Found(int line, String text, FoundStatus status, List<String> covers, boolean overMatches) {

        /** "used", "broader", "extra": the key of its label and its CSS class. */
        public String statusKey() {
            return status.name().toLowerCase(Locale.ROOT);
        }

        public boolean used() {
            return status == FoundStatus.USED;
        }
    }

    public Reconciliation {
        required = List.copyOf(required);
        firewall = List.copyOf(firewall);
        skipped = List.copyOf(skipped);
    }

    /** The required entries as a person reads them: missing first, then covered, then present. */
    public List<Required> requiredByUrgency() {
        return required.stream().sorted(Comparator.comparingInt((Required r) -> switch (r.status()) {
            case MISSING -> 0;
            case COVERED -> 1;
            case PRESENT -> 2;
        })).toList();
    }

    public long missing() {
        return required.stream().filter(r -> r.status() == RequiredStatus.MISSING).count();
    }

    public long covered() {
        return required.stream().filter(r -> r.status() == RequiredStatus.COVERED).count();
    }

    public long broader() {
        return firewall.stream().filter(f -> f.status() == FoundStatus.BROADER).count();
    }

    public long extra() {
        return firewall.stream().filter(f -> f.status() == FoundStatus.EXTRA).count();
    }

    public List<String> missingValues() {
        return required.stream().filter(r -> r.status() == RequiredStatus.MISSING).map(Required::value).toList();
    }
}
