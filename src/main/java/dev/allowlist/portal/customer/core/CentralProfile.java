package dev.allowlist.portal.customer.core;

import dev.allowlist.portal.catalog.core.License;
import java.util.List;
import java.util.Set;

/**
 * A customer as its Sophos Central tenant has it: the tenant it is linked to, the name it gets when it is
 * created, the licenses and regions it is to have (the partner's own licenses already kept in them), and
 * what that changes in the words of a version's cause detail ("+EDR regions").
 */
public record CentralProfile(String tenantId, String name, Set<License> licenses, List<String> regions, String causeDetail) {
}
