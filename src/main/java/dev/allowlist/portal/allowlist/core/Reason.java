package dev.allowlist.portal.allowlist.core;

/**
 * Why an entry is in the allowlist.
 *
 * @param source   the catalog rule id, or {@code mcs:<host>} for an observed MCS host
 * @param section  the catalog section of the rule, or {@code observed}
 * @param replaces when a wildcard took this reason over from an entry it covers: that entry's value
 */
public record Reason(String source, String section, String replaces) {

    public static final String OBSERVED_SECTION = "observed";

    public static Reason rule(String ruleId, String section) {
        return new Reason(ruleId, section, null);
    }

    public static Reason observedHost(String host) {
        return new Reason("mcs:" + host, OBSERVED_SECTION, null);
    }

    Reason replacing(String value) {
        return new Reason(source, section, replaces == null ? value : replaces);
    }

    public boolean isObservedHost() {
        return OBSERVED_SECTION.equals(section);
    }
}
