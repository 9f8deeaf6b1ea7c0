package dev.allowlist.portal.catalog.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Rules added, removed and changed between two catalog versions (by rule id). Plain Java. */
public record CatalogDiff(List<Rule> added, List<Rule> removed, List<RuleChange> changed) {

    public record RuleChange(String id, List<String> fields, Rule before, Rule after) {
    }

    public static CatalogDiff between(RuleCatalog before, RuleCatalog after) {
        Map<String, Rule> old = new LinkedHashMap<>();
        before.rules().forEach(r -> old.put(r.id(), r));
        Map<String, Rule> now = new LinkedHashMap<>();
        after.rules().forEach(r -> now.put(r.id(), r));
        List<Rule> added = after.rules().stream().filter(r -> !old.containsKey(r.id())).toList();
        List<Rule> removed = before.rules().stream().filter(r -> !now.containsKey(r.id())).toList();
        List<RuleChange> changed = new ArrayList<>();
        for (Rule r : after.rules()) {
            Rule was = old.get(r.id());
            if (was == null) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            check(fields, "section", was.section(), r.section());
            check(fields, "value", was.value(), r.value());
            check(fields, "owner", was.owner(), r.owner());
            check(fields, "form", was.form(), r.form());
            check(fields, "alternativeOf", was.alternativeOf(), r.alternativeOf());
            check(fields, "narrows", was.narrows(), r.narrows());
            check(fields, "region", was.region(), r.region());
            check(fields, "ports", was.ports(), r.ports());
            check(fields, "condition", was.condition(), r.condition());
            check(fields, "note", was.note(), r.note());
            check(fields, "withoutWildcard", was.withoutWildcard(), r.withoutWildcard());
            if (!fields.isEmpty()) {
                changed.add(new RuleChange(r.id(), fields, was, r));
            }
        }
        return new CatalogDiff(added, removed, changed);
    }

    private static void check(List<String> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
        }
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
