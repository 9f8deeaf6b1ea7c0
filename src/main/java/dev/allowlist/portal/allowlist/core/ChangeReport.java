package dev.allowlist.portal.allowlist.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.allowlist.portal.catalog.core.DomainName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The difference between two versions of a customer's allowlist: what to add to the firewall, what
 * to remove, and what changed, each with the entry's stable id, disposition and impact. Plain Java.
 */
public record ChangeReport(int from, int to, List<Change> added, List<Change> removed, List<Change> changed,
        List<String> causes) {

    public enum Disposition { ADD, REMOVE, CHANGE }

    static final String REASONS_CHANGED = "reasons changed";

    /**
     * One change. {@code impact}: added entry, removed entry, wildcard substituted for explicit entries,
     * explicit entries substituted for a wildcard, ports changed, kind changed, reasons changed.
     * {@code related}: for a substitution, the entries on the other side.
     */
    public record Change(String id, String value, Disposition disposition, String impact, String kind,
            List<Integer> ports, List<String> related, String detail) {

        /** The impact as a message key suffix for pages ({@code added-entry}). */
        @JsonIgnore
        public String impactKey() {
            return impact.replace(' ', '-');
        }
    }

    public int size() {
        return added.size() + removed.size() + changed.size();
    }

    /** What the firewall has to do: every addition and removal, and every change but a change of reasons. */
    @JsonIgnore
    public int firewallActions() {
        return added.size() + removed.size() + firewallChanges().size();
    }

    /** The changes the firewall sees (ports, kind); a change of reasons alone needs nothing of it. */
    @JsonIgnore
    public List<Change> firewallChanges() {
        return changed.stream().filter(c -> !c.impact().equals(REASONS_CHANGED)).toList();
    }

    /** The changes that touch only reasons: "no firewall action needed". */
    @JsonIgnore
    public List<Change> reasonChanges() {
        return changed.stream().filter(c -> c.impact().equals(REASONS_CHANGED)).toList();
    }

    public static ChangeReport between(int from, List<AllowlistEntry> before, int to, List<AllowlistEntry> after,
            List<String> causes) {
        Map<String, AllowlistEntry> old = index(before);
        Map<String, AllowlistEntry> now = index(after);
        List<AllowlistEntry> gone = before.stream().filter(e -> !now.containsKey(e.value())).toList();
        List<AllowlistEntry> fresh = after.stream().filter(e -> !old.containsKey(e.value())).toList();

        List<Change> added = new ArrayList<>();
        for (AllowlistEntry e : fresh) {
            List<String> replaced = e.kind() == DomainName.Kind.WILDCARD
                    ? gone.stream().map(AllowlistEntry::value).filter(v -> DomainName.covers(e.value(), v)).toList()
                    : List.of();
            List<String> wildcards = gone.stream().filter(g -> g.kind() == DomainName.Kind.WILDCARD)
                    .map(AllowlistEntry::value).filter(w -> DomainName.covers(w, e.value())).toList();
            if (!replaced.isEmpty()) {
                added.add(new Change(e.id(), e.value(), Disposition.ADD, "wildcard substituted for explicit entries",
                        e.kind().jsonName(), e.ports(), replaced,
                        "explicit entries replaced by wildcard " + e.value() + ": " + String.join(", ", replaced)));
            } else if (!wildcards.isEmpty()) {
                added.add(new Change(e.id(), e.value(), Disposition.ADD, "explicit entry substituted for a wildcard",
                        e.kind().jsonName(), e.ports(), wildcards, "replaces wildcard " + String.join(", ", wildcards)));
            } else {
                added.add(new Change(e.id(), e.value(), Disposition.ADD, "added entry", e.kind().jsonName(), e.ports(),
                        List.of(), null));
            }
        }
        List<Change> removed = new ArrayList<>();
        for (AllowlistEntry e : gone) {
            List<String> by = fresh.stream().filter(f -> f.kind() == DomainName.Kind.WILDCARD)
                    .map(AllowlistEntry::value).filter(w -> DomainName.covers(w, e.value())).toList();
            List<String> explicit = e.kind() == DomainName.Kind.WILDCARD
                    ? fresh.stream().map(AllowlistEntry::value).filter(v -> DomainName.covers(e.value(), v)).toList()
                    : List.of();
            if (!by.isEmpty()) {
                removed.add(new Change(e.id(), e.value(), Disposition.REMOVE, "wildcard substituted for explicit entries",
                        e.kind().jsonName(), e.ports(), by, "replaced by wildcard " + String.join(", ", by)));
            } else if (!explicit.isEmpty()) {
                removed.add(new Change(e.id(), e.value(), Disposition.REMOVE, "explicit entries substituted for a wildcard",
                        e.kind().jsonName(), e.ports(), explicit,
                        "wildcard " + e.value() + " replaced by explicit entries: " + String.join(", ", explicit)));
            } else {
                removed.add(new Change(e.id(), e.value(), Disposition.REMOVE, "removed entry", e.kind().jsonName(),
                        e.ports(), List.of(), null));
            }
        }
        List<Change> changed = new ArrayList<>();
        for (AllowlistEntry e : after) {
            AllowlistEntry was = old.get(e.value());
            if (was == null) {
                continue;
            }
            if (!Objects.equals(was.ports(), e.ports())) {
                changed.add(new Change(e.id(), e.value(), Disposition.CHANGE, "ports changed", e.kind().jsonName(), e.ports(),
                        List.of(), "ports " + was.ports() + " → " + e.ports()));
            } else if (was.kind() != e.kind()) {
                changed.add(new Change(e.id(), e.value(), Disposition.CHANGE, "kind changed", e.kind().jsonName(), e.ports(),
                        List.of(), "kind " + was.kind().jsonName() + " → " + e.kind().jsonName()));
            } else if (!sources(was).equals(sources(e))) {
                changed.add(new Change(e.id(), e.value(), Disposition.CHANGE, REASONS_CHANGED, e.kind().jsonName(),
                        e.ports(), List.of(), "reasons " + sources(was) + " → " + sources(e)));
            }
        }
        return new ChangeReport(from, to, List.copyOf(added), List.copyOf(removed), List.copyOf(changed), List.copyOf(causes));
    }

    private static List<String> sources(AllowlistEntry e) {
        return e.reasons().stream().map(r -> r.replaces() == null ? r.source() : r.source() + "<" + r.replaces())
                .sorted().toList();
    }

    private static Map<String, AllowlistEntry> index(List<AllowlistEntry> entries) {
        Map<String, AllowlistEntry> byValue = new LinkedHashMap<>();
        entries.forEach(e -> byValue.put(e.value(), e));
        return byValue;
    }
}
