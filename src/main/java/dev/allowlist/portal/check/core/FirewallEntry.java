package dev.allowlist.portal.check.core;

import java.util.regex.Pattern;

/**
 * One entry of a firewall's configuration, read with its product's matching rules.
 *
 * @param line        where it stands in what was pasted (1-based)
 * @param text        as written there
 * @param match       how it matches host names
 * @param domain      the host, the domain of a subdomain match, or the pattern as written
 * @param regex       for {@link Match#PATTERN}: the product's matching, as a regular expression
 * @param overMatches the product matches more than the entry seems to say (a PAN-OS entry without the
 *                    ending token {@code /} also matches {@code domain.evil.net})
 */
public record FirewallEntry(int line, String text, Match match, String domain, Pattern regex, boolean overMatches) {

    public enum Match {
        /** this host only */
        EXACT,
        /** every name below the domain, not the domain itself */
        SUBDOMAINS,
        /** the domain and every name below it (Squid {@code .domain}, Cisco URL objects, SFOS URL groups) */
        DOMAIN_AND_SUBDOMAINS,
        /** a pattern: {@link FirewallEntry#regex()} decides */
        PATTERN
    }

    public static FirewallEntry exact(int line, String text, String host) {
        return new FirewallEntry(line, text, Match.EXACT, host, null, false);
    }

    public static FirewallEntry subdomains(int line, String text, String domain) {
        return new FirewallEntry(line, text, Match.SUBDOMAINS, domain, null, false);
    }

    public static FirewallEntry domainAndSubdomains(int line, String text, String domain) {
        return new FirewallEntry(line, text, Match.DOMAIN_AND_SUBDOMAINS, domain, null, false);
    }

    /** A pattern whose {@code *} stands for any characters but a dot (a wildcard inside one label). */
    public static FirewallEntry labelPattern(int line, String text, String pattern) {
        return new FirewallEntry(line, text, Match.PATTERN, pattern, glob(pattern, "[^.]*"), false);
    }

    /** A shell pattern as PAC's {@code shExpMatch} reads it: {@code *} for any characters, dots included. */
    public static FirewallEntry shellPattern(int line, String text, String pattern) {
        return new FirewallEntry(line, text, Match.PATTERN, pattern, glob(pattern, ".*"), false);
    }

    public boolean matchesHost(String host) {
        return switch (match) {
            case EXACT -> host.equals(domain);
            case SUBDOMAINS -> host.endsWith("." + domain);
            case DOMAIN_AND_SUBDOMAINS -> host.equals(domain) || host.endsWith("." + domain);
            case PATTERN -> regex.matcher(host).matches();
        };
    }

    static Pattern glob(String pattern, String star) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(star);
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
