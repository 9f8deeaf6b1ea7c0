package dev.allowlist.portal.export.core;

import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import dev.allowlist.portal.allowlist.core.AllowlistWarning;
import dev.allowlist.portal.allowlist.core.Reason;
import dev.allowlist.portal.allowlist.core.UnemittedRule;
import dev.allowlist.portal.catalog.core.DomainName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One rendering of an allowlist, written to its product's own rules. Plain Java. An entry the target
 * cannot express is left out and named ({@link Export#omitted()}), never silently dropped.
 */
public interface ExportFormat {

    /** The format id of design.md's "Export formats" table. */
    String id();

    String extension();

    String contentType();

    Export render(ExportContext context);

    /**
     * For a format that cannot serve an allow rule: the id of the one that replaces it. Such a
     * format has left the menu; feeds made for it keep answering, flagged for replacement.
     */
    default String replacedBy() {
        return null;
    }

    default boolean retired() {
        return replacedBy() != null;
    }

    /** What a format is rendered for. */
    /**
     * What a format renders from.
     *
     * @param sectionTitles the rule catalog's section titles by id, in English: what a reason is in words
     */
    record ExportContext(String customerName, long customerId, int version, Instant generatedAt, Allowlist allowlist,
            String proxy, java.util.Map<String, String> sectionTitles) {

        public ExportContext(String customerName, long customerId, int version, Instant generatedAt, Allowlist allowlist,
                String proxy) {
            this(customerName, customerId, version, generatedAt, allowlist, proxy, java.util.Map.of());
        }
    }

    /** An entry a format leaves out, and why. */
    /**
     * An entry a file leaves out, and why. {@code coveredBy} names the entry of the same file that
     * already stands for it (Squid's {@code .sophos.com} for {@code sophos.com}): nothing is lost. An
     * entry without one cannot be written in the format at all.
     */
    record Omitted(String value, String reason, String coveredBy) {

        Omitted(String value, String reason) {
            this(value, reason, null);
        }

        public boolean covered() {
            return coveredBy != null;
        }
    }

    record Export(String content, List<Omitted> omitted) {
    }

    /**
     * The header every file carries where its syntax has comments: customer, version, catalog version,
     * generated-at, warnings, and what this file leaves out. One line per element, without the
     * comment marker; control characters of user data are replaced so that a name cannot end the comment.
     */
    static List<String> headerLines(String title, ExportContext c, List<Omitted> omitted) {
        List<String> lines = new ArrayList<>();
        lines.add("Allowlist Portal export: " + title);
        lines.add("Customer: " + clean(c.customerName()) + " (#" + c.customerId() + ")");
        lines.add("Allowlist version: v" + c.version() + " (content SHA-256 " + c.allowlist().contentHash() + ")");
        lines.add("Rule catalog: " + c.allowlist().catalogVersion());
        lines.add("Generated at: " + c.generatedAt());
        lines.add("Entries: " + c.allowlist().entries().size() + "; ports: " + ports(c.allowlist().ports()));
        for (AllowlistWarning w : c.allowlist().warnings()) {
            lines.add("Warning: " + clean(w.message()));
        }
        for (UnemittedRule u : c.allowlist().unemitted()) {
            lines.add("Not emitted: " + u.message());
        }
        for (Omitted o : omitted) {
            lines.add("Left out: " + o.value() + " - " + o.reason());
        }
        return lines;
    }

    /** "80 (HTTP), 443 (HTTPS)": the ports as a header states them. */
    static String ports(List<Integer> ports) {
        if (ports.isEmpty()) {
            return "none";
        }
        return String.join(", ", ports.stream().map(p -> p == 80 ? "80 (HTTP)" : p == 443 ? "443 (HTTPS)" : String.valueOf(p))
                .toList());
    }

    /**
     * Every host the allowlist names exactly, in order: its exact entries, and the exact entries and
     * observed hosts a wildcard took over (what check scripts and host-by-host lists need in both modes).
     */
    static List<String> exactHosts(Allowlist allowlist) {
        LinkedHashSet<String> hosts = new LinkedHashSet<>();
        for (AllowlistEntry e : allowlist.entries()) {
            if (e.kind() == DomainName.Kind.EXACT) {
                hosts.add(e.value());
            }
            for (Reason r : e.reasons()) {
                if (r.replaces() != null
                        && DomainName.kindOf(r.replaces()) == DomainName.Kind.EXACT) {
                    hosts.add(r.replaces());
                }
            }
        }
        return List.copyOf(hosts);
    }

    static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
    }

    static boolean isWildcard(AllowlistEntry e) {
        return e.kind() == DomainName.Kind.WILDCARD;
    }

    static boolean isPattern(AllowlistEntry e) {
        return e.kind() == DomainName.Kind.PATTERN;
    }
}
