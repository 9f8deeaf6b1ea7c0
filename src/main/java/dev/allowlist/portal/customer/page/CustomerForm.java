package dev.allowlist.portal.customer.page;

import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.core.CustomerInput;
import dev.allowlist.portal.customer.core.FirewallProduct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The customer form's values: what the entity holds, or what the person typed (kept on errors). */
public record CustomerForm(Long id, String name, String externalReference, String notes, Set<String> licenses,
        Set<String> regions, String otherRegions, boolean wildcardSupport, boolean usesActiveDirectory,
        boolean tlsInspection, boolean applicationFiltering, boolean narrowHydra, String firewallProduct, Integer version) {

    static CustomerForm empty() {
        return new CustomerForm(null, "", "", "", Set.of(License.CENTRAL.name(), License.ENDPOINT.name()), Set.of(), "",
                false, false, false, false, false, "", null);
    }

    /**
     * The form of a stored customer. Active Directory is one checkbox: the AD Sync license and the profile's
     * usesActiveDirectory bring in the same vendor section, so the form shows either as that checkbox (and
     * saves it as usesActiveDirectory, the license then left out: the allowlist stays the same).
     */
    static CustomerForm of(Customer c, List<String> knownRegions) {
        Set<String> licenses = new LinkedHashSet<>();
        c.licenses.forEach(l -> licenses.add(l.license.name()));
        boolean activeDirectory = c.usesActiveDirectory || licenses.remove(License.AD_SYNC.name());
        Set<String> known = new LinkedHashSet<>();
        List<String> other = new ArrayList<>();
        for (String region : c.regions) {
            (knownRegions.contains(region) ? known : other).add(region);
        }
        return new CustomerForm(c.id, c.name, nullToEmpty(c.externalReference), nullToEmpty(c.notes), licenses, known,
                String.join(", ", other), c.wildcardSupport, activeDirectory, c.tlsInspection,
                c.applicationFiltering, c.narrowHydra, nullToEmpty(c.firewallProduct), c.version);
    }

    /** Where the form posts: the customer's address when editing, the list's when creating. */
    public String action() {
        return id == null ? "/customers" : "/customers/" + id;
    }

    static CustomerForm typed(Long id, CustomerResource.FormFields f) {
        return new CustomerForm(id, nullToEmpty(f.name), nullToEmpty(f.externalReference), nullToEmpty(f.notes),
                new LinkedHashSet<>(f.licenses == null ? List.of() : f.licenses),
                new LinkedHashSet<>(f.regions == null ? List.of() : f.regions), nullToEmpty(f.otherRegions),
                f.wildcardSupport, f.usesActiveDirectory, f.tlsInspection, f.applicationFiltering, f.narrowHydra,
                nullToEmpty(f.firewallProduct), f.version);
    }

    CustomerInput toInput() {
        List<String> allRegions = new ArrayList<>(regions);
        allRegions.addAll(Arrays.stream(otherRegions.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
        return new CustomerInput(name, externalReference, notes, allRegions, new ArrayList<>(licenses), wildcardSupport,
                usesActiveDirectory, tlsInspection, applicationFiltering, narrowHydra,
                firewallProduct.isBlank() ? FirewallProduct.NONE : firewallProduct, version);
    }

    public boolean hasLicense(String license) {
        return licenses.contains(license);
    }

    public boolean hasRegion(String region) {
        return regions.contains(region);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
