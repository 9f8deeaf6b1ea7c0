package dev.allowlist.portal.audit.core;

import java.util.Arrays;
import java.util.List;

/**
 * What an audit event is about, as stored in {@code audit_event.resource_type} and offered by the
 * history's filter. Reading a stored name this build does not know gives {@link #OTHER}, never an error:
 * the history is append-only and outlives any one version of the portal.
 */
public enum ResourceType {
    CUSTOMER("customer"),
    MCS_HOST("mcs-host"),
    INSTALLER_LOG("installer-log"),
    CUSTOMER_IMPORT("customer-import"),
    APPLIED_VERSION("applied-version"),
    EXPORT("export"),
    FEED("feed"),
    CHECK_TOKEN("check-token"),
    CHECK_REPORT("check-report"),
    RECONCILIATION("reconciliation"),
    SUBSCRIPTION("subscription"),
    DIGEST("digest"),
    PARTNER("partner"),
    CATALOG("catalog"),
    /** A partner's connection to its Sophos Central account, and the syncs applied through it. */
    CENTRAL_CONNECTION("central-connection"),
    /** The audit history itself (migration V11 recorded its re-chaining as such an event). */
    AUDIT("audit"),
    /** A stored name this build does not know. */
    OTHER("other");

    private final String storedName;

    ResourceType(String storedName) {
        this.storedName = storedName;
    }

    /** The name in the database, the exports and the API. */
    public String storedName() {
        return storedName;
    }

    public static ResourceType of(String storedName) {
        return Arrays.stream(values()).filter(t -> t.storedName.equals(storedName)).findFirst().orElse(OTHER);
    }

    /** The names the history's filter offers (every type but {@link #OTHER}). */
    public static List<String> filterChoices() {
        return Arrays.stream(values()).filter(t -> t != OTHER).map(ResourceType::storedName).toList();
    }
}
