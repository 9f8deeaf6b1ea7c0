package dev.allowlist.portal.customer.core;

import java.util.List;

/**
 * A customer's editable fields as a form or the JSON API sends them. {@code version} is the one the
 * editor saw (null on create); licenses and regions come as text and are validated by the service.
 * {@code firewallProduct}: a {@link FirewallProduct} name, {@code none} to clear it, or null to keep
 * what is stored (so that API clients that do not know the field keep working).
 */
public record CustomerInput(
        String name,
        String externalReference,
        String notes,
        List<String> regions,
        List<String> licenses,
        boolean wildcardSupport,
        boolean usesActiveDirectory,
        boolean tlsInspection,
        boolean applicationFiltering,
        boolean narrowHydra,
        String firewallProduct,
        Integer version) {

    public CustomerInput {
        regions = regions == null ? List.of() : regions;
        licenses = licenses == null ? List.of() : licenses;
    }
}
