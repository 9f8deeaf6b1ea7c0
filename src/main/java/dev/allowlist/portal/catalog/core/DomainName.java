package dev.allowlist.portal.catalog.core;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Domain names as the allowlist uses them: lowercase ASCII (IDNs in punycode), optionally with a
 * {@code *}: as the whole first label (a wildcard) or inside a label (a pattern, as in the AD Sync
 * bucket names).
 */
public final class DomainName {

    public enum Kind {
        EXACT, WILDCARD, PATTERN;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PATTERN_LABEL = Pattern.compile("[a-z0-9*](?:[a-z0-9*-]{0,61}[a-z0-9*])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");
    private static final int MAX_LENGTH = 253;

    private DomainName() {
    }

    /**
     * Normalises a host name typed by a person or read from a log: trims, drops one trailing dot,
     * lowercases, converts an IDN to punycode, and checks it is a DNS name of at least two labels.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static String normalizeHost(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("empty host name");
        }
        String host = input.strip();
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.length() > MAX_LENGTH * 4) {
            throw new IllegalArgumentException("host name longer than " + MAX_LENGTH + " characters");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid DNS name: " + host);
        }
        checkLabels(ascii, false);
        return ascii;
    }

    /** Validates a catalog value (exact, wildcard or pattern); returns its kind. */
    public static Kind checkValue(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty domain");
        }
        if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("domain must be lowercase: " + value);
        }
        Kind kind = kindOf(value);
        String rest = kind == Kind.WILDCARD ? value.substring(2) : value;
        checkLabels(rest, kind == Kind.PATTERN);
        return kind;
    }

    public static Kind kindOf(String value) {
        if (value.startsWith("*.") && value.indexOf('*', 1) < 0) {
            return Kind.WILDCARD;
        }
        return value.indexOf('*') >= 0 ? Kind.PATTERN : Kind.EXACT;
    }

    /**
     * Whether the wildcard {@code *.x} covers a value: every name that ends in {@code .x} (other
     * wildcards and patterns below it included), never {@code x} itself.
     */
    public static boolean covers(String wildcard, String value) {
        if (!wildcard.startsWith("*.") || wildcard.equals(value)) {
            return false;
        }
        return value.endsWith(wildcard.substring(1));
    }

    /** The name a wildcard stands for the subdomains of ({@code *.x} gives {@code x}). */
    public static String base(String wildcard) {
        return wildcard.startsWith("*.") ? wildcard.substring(2) : wildcard;
    }

    private static void checkLabels(String name, boolean allowStar) {
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters: " + name);
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            throw new IllegalArgumentException("needs at least two labels: " + name);
        }
        for (String label : labels) {
            Pattern allowed = allowStar ? PATTERN_LABEL : LABEL;
            if (label.isEmpty() || label.length() > 63 || !allowed.matcher(label).matches()) {
                throw new IllegalArgumentException("not a valid DNS name: " + name);
            }
        }
        if (NUMERIC.matcher(labels[labels.length - 1]).matches()) {
            throw new IllegalArgumentException("an IP address or numeric top-level label is not a host name: " + name);
        }
        if (allowStar && (name.indexOf('*') != name.lastIndexOf('*') || name.startsWith("*.") || name.contains(".*."))) {
            throw new IllegalArgumentException("a * must be the whole first label or inside one label, once: " + name);
        }
        if (allowStar && labels[labels.length - 1].contains("*")) {
            throw new IllegalArgumentException("a * in the top-level label: " + name);
        }
    }
}
