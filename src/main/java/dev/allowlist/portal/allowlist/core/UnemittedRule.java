package dev.allowlist.portal.allowlist.core;

/**
 * A region-bound rule the allowlist could not emit because the vendor page names no host for the
 * customer's region. Rule and host are the catalog's, with the region written {@code <region>}.
 *
 * @param coveredBy  the allowlist entry (a wildcard) that covers the missing host, or null
 * @param proxyTakes whether the customer's proxy can take {@code coveredBy} as it stands
 */
public record UnemittedRule(String region, String rule, String hostPattern, String coveredBy, boolean proxyTakes) {

    /** One line in English, for export headers and the JSON API. */
    public String message() {
        String cover = coveredBy == null
                ? "no entry of this allowlist covers it: ask Sophos for the host of this region"
                : proxyTakes ? "covered by " + coveredBy
                        : "only " + coveredBy + " would cover it, which this customer's proxy cannot take";
        return "Region " + region + ": rule " + rule + " (" + hostPattern + ") not emitted; " + cover;
    }
}
