package dev.allowlist.portal.export.core;

import dev.allowlist.portal.Sha256;


/**
 * Stable object names for firewall exports: {@code AP<customer id>-<value>}, with {@code *} written
 * {@code any} and characters the product refuses replaced by {@code _}. A name longer than the
 * product allows keeps its start and ends in 8 hex digits of the value's SHA-256, so that two
 * values never share a name and the same value always gets the same one: re-importing an export
 * updates the objects it created before instead of duplicating them.
 */
public final class ObjectNames {

    private ObjectNames() {
    }

    static String prefix(long customerId) {
        return "AP" + customerId + "-";
    }

    static String of(long customerId, String value, int maxLength, String refused) {
        String name = prefix(customerId) + value.replace("*", "any").replaceAll(refused, "_");
        if (name.length() <= maxLength) {
            return name;
        }
        String suffix = "_" + sha256(value).substring(0, 8);
        return name.substring(0, maxLength - suffix.length()) + suffix;
    }

    static String sha256(String text) {
        return Sha256.hex(text);
    }
}
