package dev.allowlist.portal.catalog.core;

/** A boolean of the customer profile that a rule condition may test; JSON names as in design.md. */
public enum ProfileOption {
    USES_ACTIVE_DIRECTORY("usesActiveDirectory"),
    TLS_INSPECTION("tlsInspection"),
    APPLICATION_FILTERING("applicationFiltering");

    private final String jsonName;

    ProfileOption(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static ProfileOption fromJsonName(String name) {
        for (ProfileOption option : values()) {
            if (option.jsonName.equals(name)) {
                return option;
            }
        }
        return null;
    }
}
