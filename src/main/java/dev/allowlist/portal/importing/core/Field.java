package dev.allowlist.portal.importing.core;

/**
 * A column of the customer list, as the import reads it and the export writes it: its name in the
 * JSON API, and the message key of its label (either language's label is accepted as a header).
 */
public enum Field {
    NAME("name", "customer.name"),
    EXTERNAL_REFERENCE("externalReference", "customer.externalReference"),
    NOTES("notes", "customer.notes"),
    LICENSES("licenses", "customer.licenses"),
    REGIONS("regions", "customer.regions"),
    WILDCARD_SUPPORT("wildcardSupport", "customer.wildcardSupport"),
    USES_ACTIVE_DIRECTORY("usesActiveDirectory", "customer.usesActiveDirectory"),
    TLS_INSPECTION("tlsInspection", "customer.tlsInspection"),
    APPLICATION_FILTERING("applicationFiltering", "customer.applicationFiltering"),
    NARROW_HYDRA("narrowHydra", "customer.narrowHydra"),
    FIREWALL_PRODUCT("firewallProduct", "customer.firewallProduct"),
    MCS_HOSTS("mcsHosts", "customer.hosts");

    private final String apiName;
    private final String labelKey;

    Field(String apiName, String labelKey) {
        this.apiName = apiName;
        this.labelKey = labelKey;
    }

    public String apiName() {
        return apiName;
    }

    public String labelKey() {
        return labelKey;
    }

    public boolean isFlag() {
        return this == WILDCARD_SUPPORT || this == USES_ACTIVE_DIRECTORY || this == TLS_INSPECTION
                || this == APPLICATION_FILTERING || this == NARROW_HYDRA;
    }
}
