package dev.allowlist.portal.catalog.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A version of the rule catalog: every domain the vendor page requires, as validated data.
 * Immutable; rule order is the page's order and drives the allowlist's deterministic order.
 */
public final class RuleCatalog {

    private final String id;
    private final LocalizedText title;
    private final List<Integer> ports;
    private final List<String> vendorDomains;
    private final String observedHostsBefore;
    private final List<Region> regions;
    private final List<Section> sections;
    private final List<Rule> rules;
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final Map<String, Section> sectionById = new HashMap<>();

    public RuleCatalog(String id, LocalizedText title, List<Integer> ports, List<String> vendorDomains,
            String observedHostsBefore, List<Region> regions, List<Section> sections, List<Rule> rules) {
        this.id = id;
        this.title = title;
        this.ports = List.copyOf(ports);
        this.vendorDomains = List.copyOf(vendorDomains);
        this.observedHostsBefore = observedHostsBefore;
        this.regions = List.copyOf(regions);
        this.sections = List.copyOf(sections);
        this.rules = List.copyOf(rules);
        for (int i = 0; i < this.rules.size(); i++) {
            ruleIndex.put(this.rules.get(i).id(), i);
        }
        for (Section section : this.sections) {
            sectionById.put(section.id(), section);
        }
    }

    public String id() {
        return id;
    }

    public LocalizedText title() {
        return title;
    }

    /** Ports of every rule that names none (the page's "Endpoint ports"). */
    public List<Integer> ports() {
        return ports;
    }

    /** Registrable domains the vendor owns; an observed host outside them earns a warning. */
    public List<String> vendorDomains() {
        return vendorDomains;
    }

    public List<Region> regions() {
        return regions;
    }

    public List<Section> sections() {
        return sections;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> rule(String ruleId) {
        Integer index = ruleIndex.get(ruleId);
        return index == null ? Optional.empty() : Optional.of(rules.get(index));
    }

    public Optional<Section> section(String sectionId) {
        return Optional.ofNullable(sectionById.get(sectionId));
    }

    /** Position of a rule in the page's order. */
    public int indexOf(String ruleId) {
        Integer index = ruleIndex.get(ruleId);
        if (index == null) {
            throw new IllegalArgumentException("no rule " + ruleId);
        }
        return index;
    }

    /** The rule before which observed MCS hosts are listed (the page: "add this address and these"). */
    public String observedHostsBefore() {
        return observedHostsBefore;
    }

    public boolean isKnownRegion(String code) {
        return regions.stream().anyMatch(r -> r.code().equals(code));
    }

    public boolean isVendorDomain(String host) {
        return vendorDomains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }
}
