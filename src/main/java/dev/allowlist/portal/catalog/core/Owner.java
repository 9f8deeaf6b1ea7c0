package dev.allowlist.portal.catalog.core;

/** Who owns a domain: the vendor, or a third party the vendor requires (never widened into wildcards). */
public enum Owner {
    SOPHOS("sophos"), THIRD_PARTY("third-party");

    private final String jsonName;

    Owner(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Owner fromJsonName(String name) {
        for (Owner owner : values()) {
            if (owner.jsonName.equals(name)) {
                return owner;
            }
        }
        return null;
    }
}
