package dev.allowlist.portal.customer;

import java.util.List;

/**
 * A customer's editable fields as a form or the JSON API sends them. {@code version} is the one the
 * editor saw (null on create); licenses and regions come as text and are validated by the service.
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
        Integer version) {

    public CustomerInput {
        regions = regions == null ? List.of() : regions;
        licenses = licenses == null ? List.of() : licenses;
    }
}
