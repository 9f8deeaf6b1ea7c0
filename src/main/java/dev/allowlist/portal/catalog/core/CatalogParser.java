package dev.allowlist.portal.catalog.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a catalog file (JSON) and validates it against the catalog schema: the keys each object may
 * have, their types, and the cross-references between rules. Every error names the rule or part it
 * is in, so that a catalog author can fix it.
 */
public final class CatalogParser {

    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");
    private static final Pattern SECTION_ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern REGION_CODE = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    private static final Set<String> CATALOG_KEYS = Set.of("id", "title", "ports", "vendorDomains",
            "observedHostsBefore", "regions", "sections", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "section", "value", "owner", "form",
            "alternativeOf", "narrows", "region", "ports", "condition", "note", "withoutWildcard");
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "condition");
    private static final Set<String> REGION_KEYS = Set.of("code", "name");

    private final ObjectMapper mapper = new ObjectMapper();

    public RuleCatalog parse(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogException("catalog is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CatalogException("catalog must be a JSON object");
        }
        checkKeys(root, CATALOG_KEYS, "catalog");
        String id = text(root, "id", "catalog");
        LocalizedText title = localized(root, "title", "catalog", true);
        List<Integer> ports = ports(root.get("ports"), "catalog");
        if (ports == null) {
            throw new CatalogException("catalog: 'ports' is required");
        }
        List<String> vendorDomains = new ArrayList<>();
        for (JsonNode node : array(root, "vendorDomains", "catalog")) {
            String domain = node.asText();
            try {
                if (DomainName.checkValue(domain) != DomainName.Kind.EXACT) {
                    throw new IllegalArgumentException("must not contain *");
                }
            } catch (IllegalArgumentException e) {
                throw new CatalogException("catalog: vendor domain '" + domain + "' is malformed: " + e.getMessage());
            }
            vendorDomains.add(domain);
        }
        List<Region> regions = regions(root);
        List<Section> sections = sections(root);
        List<Rule> rules = rules(root, sections, regions);
        String observedHostsBefore = text(root, "observedHostsBefore", "catalog");
        if (rules.stream().noneMatch(r -> r.id().equals(observedHostsBefore))) {
            throw new CatalogException("catalog: observedHostsBefore names unknown rule '" + observedHostsBefore + "'");
        }
        return new RuleCatalog(id, title, ports, vendorDomains, observedHostsBefore, regions, sections, rules);
    }

    private List<Region> regions(JsonNode root) {
        List<Region> regions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode node : array(root, "regions", "catalog")) {
            checkKeys(node, REGION_KEYS, "region");
            String code = text(node, "code", "region");
            String where = "region '" + code + "'";
            if (!REGION_CODE.matcher(code).matches()) {
                throw new CatalogException(where + ": malformed region code");
            }
            if (!seen.add(code)) {
                throw new CatalogException(where + ": duplicate region");
            }
            regions.add(new Region(code, localized(node, "name", where, true)));
        }
        return regions;
    }

    private List<Section> sections(JsonNode root) {
        List<Section> sections = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode node : array(root, "sections", "catalog")) {
            checkKeys(node, SECTION_KEYS, "section");
            String id = text(node, "id", "section");
            String where = "section '" + id + "'";
            if (!SECTION_ID.matcher(id).matches()) {
                throw new CatalogException(where + ": malformed section id");
            }
            if (!seen.add(id)) {
                throw new CatalogException(where + ": duplicate section id");
            }
            sections.add(new Section(id, localized(node, "title", where, true), condition(node.get("condition"), where)));
        }
        return sections;
    }

    private List<Rule> rules(JsonNode root, List<Section> sections, List<Region> regions) {
        Set<String> sectionIds = new HashSet<>();
        sections.forEach(s -> sectionIds.add(s.id()));
        Set<String> regionCodes = new HashSet<>();
        regions.forEach(r -> regionCodes.add(r.code()));
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : array(root, "rules", "catalog")) {
            String id = node.hasNonNull("id") ? node.get("id").asText() : "?";
            String where = "rule '" + id + "'";
            checkKeys(node, RULE_KEYS, where);
            text(node, "id", where);
            if (!RULE_ID.matcher(id).matches()) {
                throw new CatalogException(where + ": malformed rule id (expected section.name in lowercase)");
            }
            if (!ids.add(id)) {
                throw new CatalogException(where + ": duplicate rule id");
            }
            String section = text(node, "section", where);
            if (!sectionIds.contains(section)) {
                throw new CatalogException(where + ": unknown section '" + section + "'");
            }
            String value = text(node, "value", where);
            DomainName.Kind kind;
            try {
                kind = DomainName.checkValue(value);
            } catch (IllegalArgumentException e) {
                throw new CatalogException(where + ": malformed domain '" + value + "': " + e.getMessage());
            }
            Owner owner = Owner.fromJsonName(text(node, "owner", where));
            if (owner == null) {
                throw new CatalogException(where + ": owner must be 'sophos' or 'third-party'");
            }
            RuleForm form = switch (text(node, "form", where)) {
                case "explicit" -> RuleForm.EXPLICIT;
                case "wildcard" -> RuleForm.WILDCARD;
                default -> throw new CatalogException(where + ": form must be 'explicit' or 'wildcard'");
            };
            if (form == RuleForm.WILDCARD && kind != DomainName.Kind.WILDCARD) {
                throw new CatalogException(where + ": a wildcard-form rule must have a *.domain value");
            }
            if (owner == Owner.THIRD_PARTY && form == RuleForm.WILDCARD) {
                throw new CatalogException(where + ": third-party domains are never widened into wildcards");
            }
            List<String> alternativeOf = new ArrayList<>();
            if (node.has("alternativeOf")) {
                if (form != RuleForm.WILDCARD) {
                    throw new CatalogException(where + ": only wildcard-form rules are alternatives of explicit rules");
                }
                for (JsonNode alt : array(node, "alternativeOf", where)) {
                    alternativeOf.add(alt.asText());
                }
            }
            String region = optionalText(node, "region", where);
            if (region != null && !regionCodes.contains(region)) {
                throw new CatalogException(where + ": unknown region '" + region + "'");
            }
            String narrows = optionalText(node, "narrows", where);
            if (narrows != null && region == null) {
                throw new CatalogException(where + ": a narrowing rule must be bound to a region");
            }
            if (kind != DomainName.Kind.EXACT && owner == Owner.SOPHOS && form == RuleForm.EXPLICIT
                    && !node.has("withoutWildcard")) {
                throw new CatalogException(where + ": a value with * needs 'withoutWildcard' advice");
            }
            rules.add(new Rule(id, section, value, owner, form, List.copyOf(alternativeOf), narrows, region,
                    ports(node.get("ports"), where), condition(node.get("condition"), where),
                    localized(node, "note", where, true), localized(node, "withoutWildcard", where, false)));
        }
        checkReferences(rules);
        return rules;
    }

    /** Cross-references: alternatives and narrowings name existing rules that their wildcard covers. */
    private static void checkReferences(List<Rule> rules) {
        for (Rule rule : rules) {
            String where = "rule '" + rule.id() + "'";
            for (String alt : rule.alternativeOf()) {
                Rule target = find(rules, alt, where + ": alternativeOf");
                if (!DomainName.covers(rule.value(), target.value())) {
                    throw new CatalogException(where + ": " + rule.value() + " does not cover " + target.value()
                            + " of rule '" + alt + "' it claims to replace");
                }
            }
            if (rule.narrows() != null) {
                Rule target = find(rules, rule.narrows(), where + ": narrows");
                if (!DomainName.covers(target.value(), rule.value())) {
                    throw new CatalogException(where + ": " + rule.value() + " is not narrower than " + target.value());
                }
            }
        }
    }

    private static Rule find(List<Rule> rules, String id, String where) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new CatalogException(where + " names unknown rule '" + id + "'"));
    }

    private Condition condition(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Condition.ALWAYS;
        }
        if (!node.isObject() || node.size() != 1) {
            throw new CatalogException(where + ": a condition is an object with one of license, option, anyOf, allOf");
        }
        String key = node.fieldNames().next();
        JsonNode value = node.get(key);
        switch (key) {
            case "license" -> {
                License license = License.parse(value.asText());
                if (license == null || !value.isTextual()) {
                    throw new CatalogException(where + ": unknown license '" + value.asText() + "' in condition");
                }
                return new Condition.HasLicense(license);
            }
            case "option" -> {
                ProfileOption option = ProfileOption.fromJsonName(value.asText());
                if (option == null) {
                    throw new CatalogException(where + ": unknown option '" + value.asText() + "' in condition");
                }
                return new Condition.HasOption(option);
            }
            case "anyOf", "allOf" -> {
                if (!value.isArray() || value.isEmpty()) {
                    throw new CatalogException(where + ": " + key + " needs a non-empty array");
                }
                List<Condition> parts = new ArrayList<>();
                value.forEach(part -> parts.add(condition(part, where)));
                return key.equals("anyOf") ? new Condition.AnyOf(List.copyOf(parts)) : new Condition.AllOf(List.copyOf(parts));
            }
            default -> throw new CatalogException(where + ": unknown condition '" + key + "'");
        }
    }

    private static List<Integer> ports(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new CatalogException(where + ": ports must be a non-empty array");
        }
        List<Integer> ports = new ArrayList<>();
        for (JsonNode port : node) {
            if (!port.isInt() || port.asInt() < 1 || port.asInt() > 65535) {
                throw new CatalogException(where + ": port '" + port + "' is not between 1 and 65535");
            }
            ports.add(port.asInt());
        }
        return List.copyOf(ports.stream().distinct().sorted().toList());
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new CatalogException(where + ": must be a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new CatalogException(where + ": unknown key '" + name + "'");
            }
        }
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new CatalogException(where + ": '" + key + "' is required and must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String key, String where) {
        return node.has(key) ? text(node, key, where) : null;
    }

    private static Iterable<JsonNode> array(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isArray()) {
            throw new CatalogException(where + ": '" + key + "' is required and must be an array");
        }
        return value;
    }

    private static LocalizedText localized(JsonNode node, String key, String where, boolean required) {
        JsonNode value = node.get(key);
        if (value == null) {
            if (required) {
                throw new CatalogException(where + ": '" + key + "' is required (en and ja)");
            }
            return null;
        }
        checkKeys(value, Set.of("en", "ja"), where + " " + key);
        return new LocalizedText(text(value, "en", where + " " + key), text(value, "ja", where + " " + key));
    }
}
