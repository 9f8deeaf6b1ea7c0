package dev.allowlist.portal.allowlist;

import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.core.AllowlistGenerator;
import dev.allowlist.portal.allowlist.core.CustomerProfile;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerLicense;
import dev.allowlist.portal.customer.McsHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A customer's current allowlist: its profile and observed hosts through the current catalog. */
@ApplicationScoped
public class AllowlistService {

    @Inject
    CatalogService catalogs;

    private final Map<String, AllowlistGenerator> generators = new ConcurrentHashMap<>();

    public Allowlist current(Customer customer) {
        return current(profileOf(customer), customer.mcsHosts.stream().map(h -> h.value).toList());
    }

    /** A profile's allowlist with these observed hosts, through the current catalog. */
    public Allowlist current(CustomerProfile profile, List<String> observedHosts) {
        return generator().generate(profile, observedHosts);
    }

    /** The current catalog's generator (thread-safe: many customers may be generated with it at once). */
    public AllowlistGenerator generator() {
        CatalogService.Loaded loaded = catalogs.current();
        return generators.computeIfAbsent(loaded.versionId(), id -> new AllowlistGenerator(loaded.catalog()));
    }

    public static CustomerProfile profileOf(Customer customer) {
        EnumSet<License> licenses = EnumSet.of(License.CENTRAL);
        for (CustomerLicense license : customer.licenses) {
            licenses.add(license.license);
        }
        return new CustomerProfile(licenses, List.of(customer.regions), customer.wildcardSupport,
                customer.usesActiveDirectory, customer.tlsInspection, customer.applicationFiltering, customer.narrowHydra);
    }

}
