package dev.allowlist.portal.central.core;

import dev.allowlist.portal.allowlist.core.RegionNames;
import dev.allowlist.portal.catalog.core.License;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a Sophos Central tenant becomes a customer profile (docs/sophos-central.md): its data geography
 * gives the profile's regions, its license products the licenses the allowlist depends on. Only what
 * Sophos Central knows is taken from it: the partner's own settings (the proxy's capabilities, AD Sync,
 * the firewall product, notes) stay as the partner made them.
 */
public final class CentralMapping {

    /** The licenses Sophos Central decides; every other license of a customer is the partner's own. */
    public static final Set<License> MANAGED = EnumSet.of(License.ENDPOINT, License.EDR, License.MTR);

    /**
     * A tenant's {@code dataGeography} and the data regions (as the profile writes them) its data may
     * live in. The United States has two: a US tenant gets both until an observed MCS host (or the
     * partner) narrows it to one.
     */
    static final Map<String, List<String>> GEOGRAPHY = Map.of(
            "US", List.of("us-east-2", "us-west-2"),
            "IE", List.of("eu-west-1"),
            "DE", List.of("eu-central-1"),
            "CA", List.of("ca-central-1"),
            "AU", List.of("ap-southeast-2"),
            "JP", List.of("ap-northeast-1"),
            "IN", List.of("ap-south-1"),
            "BR", List.of("sa-east-1"));

    /**
     * A license product, by the words of its name (or code) as the Licenses API returns it, most specific
     * first: MDR (formerly MTR) includes XDR/EDR, which includes Intercept X. A product none of these
     * names is listed as not mapped, never guessed.
     */
    private static final List<Map.Entry<License, List<String>>> PRODUCTS = List.of(
            Map.entry(License.MTR, List.of("mdr", "managed detection", "managed threat response", "mtr")),
            Map.entry(License.EDR, List.of("xdr", "edr")),
            Map.entry(License.ENDPOINT, List.of("intercept x", "interceptx", "endpoint protection", "server protection",
                    "endpoint")));

    private CentralMapping() {
    }

    /** A license as the Licenses API lists it: the product's code and name, and when it ends (null: never). */
    public record LicenseProduct(String code, String name, LocalDate endDate) {

        public String label() {
            return name != null && !name.isBlank() ? name.strip() : code == null ? "" : code.strip();
        }
    }

    /** What a tenant's products mean: the managed licenses they give, and the products that give none. */
    public record Licenses(Set<License> licenses, List<String> unmapped) {
    }

    /** The regions of a geography; empty for one this build does not know (the customer's regions then stay). */
    public static List<String> regionsOf(String geography) {
        return geography == null ? List.of() : GEOGRAPHY.getOrDefault(geography.strip().toUpperCase(Locale.ROOT), List.of());
    }

    /**
     * The regions a customer should have: those of the geography its observed MCS hosts name (the hosts
     * say where its data lives); else its own when they already lie within the geography (narrowed by the
     * partner); else the geography's. Its own when the geography is unknown.
     */
    public static List<String> regions(String geography, List<String> current, Collection<String> observedHosts) {
        List<String> geographic = regionsOf(geography);
        if (geographic.isEmpty()) {
            return current;
        }
        Set<String> named = new TreeSet<>();
        observedHosts.forEach(h -> RegionNames.named(h).filter(geographic::contains).ifPresent(named::add));
        if (!named.isEmpty()) {
            return geographic.stream().filter(named::contains).toList();
        }
        if (!current.isEmpty() && geographic.containsAll(current)) {
            return current;
        }
        return geographic;
    }

    /** The licenses the products give on a day (an expired license gives none). */
    public static Licenses licenses(List<LicenseProduct> products, LocalDate today) {
        Set<License> licenses = EnumSet.noneOf(License.class);
        Set<String> unmapped = new TreeSet<>();
        for (LicenseProduct p : products) {
            if (p.endDate() != null && p.endDate().isBefore(today)) {
                continue;
            }
            License license = licenseOf(p);
            if (license == null) {
                unmapped.add(p.label());
            } else {
                licenses.add(license);
            }
        }
        return new Licenses(licenses, List.copyOf(unmapped));
    }

    /** The license a product gives, or null. */
    public static License licenseOf(LicenseProduct p) {
        String words = (" " + (p.name() == null ? "" : p.name()) + " " + (p.code() == null ? "" : p.code()) + " ")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ");
        for (Map.Entry<License, List<String>> e : PRODUCTS) {
            for (String word : e.getValue()) {
                if (words.contains(" " + word + " ")) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /**
     * A customer's licenses after a sync: the partner's own (those Sophos Central does not decide) kept,
     * the managed ones as Sophos Central has them.
     */
    public static Set<License> merged(Set<License> current, Set<License> central) {
        Set<License> merged = EnumSet.noneOf(License.class);
        current.stream().filter(l -> !MANAGED.contains(l)).forEach(merged::add);
        merged.addAll(central);
        merged.remove(License.CENTRAL);
        return merged;
    }

    /**
     * What a sync changes of a customer, as a version's cause detail: "+EDR -MTR regions" (a license added,
     * one removed, the regions changed). Empty when nothing changes.
     */
    public static String detail(Set<License> before, Set<License> after, boolean regionsChanged) {
        List<String> parts = new ArrayList<>();
        for (License l : License.values()) {
            if (!MANAGED.contains(l)) {
                continue;
            }
            if (after.contains(l) && !before.contains(l)) {
                parts.add("+" + l.name());
            } else if (!after.contains(l) && before.contains(l)) {
                parts.add("-" + l.name());
            }
        }
        if (regionsChanged) {
            parts.add("regions");
        }
        return String.join(" ", parts);
    }
}
