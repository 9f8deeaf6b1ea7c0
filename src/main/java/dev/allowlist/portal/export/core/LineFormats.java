package dev.allowlist.portal.export.core;

import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Formats that are one domain per line, differing in wildcard syntax, comments and what they can express. */
public final class LineFormats {

    private LineFormats() {
    }

    /** Renders a line list: {@code line} gives an entry's line, or null with {@code why} explaining. */
    static ExportFormat.Export render(ExportFormat.ExportContext c, String title, String commentMarker,
            Function<AllowlistEntry, String> why,
            Function<AllowlistEntry, String> line) {
        return renderOmitting(c, title, commentMarker,
                e -> Optional.ofNullable(why.apply(e)).map(reason -> new ExportFormat.Omitted(e.value(), reason)).orElse(null),
                line);
    }

    /** {@link #render}, where {@code omit} says what is left out and whether another entry covers it. */
    static ExportFormat.Export renderOmitting(ExportFormat.ExportContext c, String title, String commentMarker,
            Function<AllowlistEntry, ExportFormat.Omitted> omit,
            Function<AllowlistEntry, String> line) {
        List<ExportFormat.Omitted> omitted = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (AllowlistEntry entry : c.allowlist().entries()) {
            ExportFormat.Omitted left = omit.apply(entry);
            if (left != null) {
                omitted.add(left);
            } else {
                lines.add(line.apply(entry));
            }
        }
        StringBuilder out = new StringBuilder();
        if (commentMarker != null) {
            for (String header : ExportFormat.headerLines(title, c, omitted)) {
                out.append(commentMarker).append(' ').append(header).append('\n');
            }
        }
        lines.forEach(l -> out.append(l).append('\n'));
        return new ExportFormat.Export(out.toString(), List.copyOf(omitted));
    }

    static final String PATTERN_REASON = "a * inside a label cannot be written in this format";

    /** Plain list: {@code host}, {@code *.domain}. */
    static final class Txt implements ExportFormat {
        public String id() { return "txt"; }
        public String extension() { return "txt"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }
        public Export render(ExportContext c) {
            return LineFormats.render(c, "plain list", "#", e -> null, AllowlistEntry::value);
        }
    }

    /**
     * Retired: a Domain List EDL serves Anti-Spyware DNS sinkholing, not allow rules (README, "Firewall
     * exports"). Kept so that feeds made for it keep answering.
     *
     * Palo Alto Networks external dynamic list of type domain: {@code host}, {@code *.domain} (which
     * does not match the apex: the apex has its own line where the allowlist needs it). A {@code *}
     * only as a whole leading label; at most 255 characters a line. No header: the list takes none.
     */
    static final class PanOsEdl implements ExportFormat {
        public String replacedBy() { return "panos-url"; }
        public String id() { return "panos-edl"; }
        public String extension() { return "txt"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }
        public Export render(ExportContext c) {
            return LineFormats.render(c, "PAN-OS EDL", null, e -> ExportFormat.isPattern(e) ? PATTERN_REASON
                    : e.value().length() > 255 ? "longer than the 255 characters PAN-OS accepts in a line" : null,
                    AllowlistEntry::value);
        }
    }

    /** Retired: a DNS-filter threat feed governs DNS answers, not connections. FortiGate domain-name threat feed: {@code host}, {@code *.domain}; {@code *} may stand anywhere in a label. */
    static final class FortiGate implements ExportFormat {
        public String replacedBy() { return "fortigate-cli"; }
        public String id() { return "fortigate"; }
        public String extension() { return "txt"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }
        public Export render(ExportContext c) {
            return LineFormats.render(c, "FortiGate threat feed", null, e -> null, AllowlistEntry::value);
        }
    }

    /** Retired: a Security Intelligence list matches subdomains and is no allow rule. Cisco Secure Firewall (FMC) URL/DNS list: {@code #} comments; {@code *} only as a whole label. */
    static final class CiscoFmc implements ExportFormat {
        public String replacedBy() { return "cisco-fmc-objects"; }
        public String id() { return "cisco-fmc"; }
        public String extension() { return "txt"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }
        public Export render(ExportContext c) {
            return LineFormats.render(c, "Cisco Secure Firewall URL/DNS list", "#",
                    e -> ExportFormat.isPattern(e) ? PATTERN_REASON : null, AllowlistEntry::value);
        }
    }

    /** Retired: SFOS imports XML, not text. Sophos Firewall FQDN hosts to import: lowercase FQDNs, {@code *.domain} for subdomains; no header. */
    static final class SophosFirewall implements ExportFormat {
        public String replacedBy() { return "sophos-firewall-xml"; }
        public String id() { return "sophos-firewall"; }
        public String extension() { return "txt"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }
        public Export render(ExportContext c) {
            return LineFormats.render(c, "Sophos Firewall FQDN hosts", null,
                    e -> ExportFormat.isPattern(e) ? PATTERN_REASON : null,
                    e -> e.value().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Squid {@code dstdomain} ACL file: {@code .domain} matches the domain and its subdomains, so an entry
     * another one already covers is dropped (Squid warns and ignores it otherwise).
     */
    static final class Squid implements ExportFormat {
        public String id() { return "squid"; }
        public String extension() { return "acl"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }
        public Export render(ExportContext c) {
            List<String> dotted = c.allowlist().entries().stream().filter(ExportFormat::isWildcard)
                    .map(e -> e.value().substring(1)).toList(); // "*.x" -> ".x"
            return LineFormats.renderOmitting(c, "Squid dstdomain ACL", "#", e -> {
                if (ExportFormat.isPattern(e)) {
                    return new ExportFormat.Omitted(e.value(), PATTERN_REASON);
                }
                String self = ExportFormat.isWildcard(e) ? e.value().substring(1) : e.value();
                for (String d : dotted) {
                    if (!d.equals(self) && (self.endsWith(d) || ("." + self).equals(d))) {
                        return new ExportFormat.Omitted(e.value(),
                                "covered by " + d + " (in Squid .domain also matches the domain itself)", d);
                    }
                }
                return null;
            }, e -> ExportFormat.isWildcard(e) ? e.value().substring(1) : e.value());
        }
    }
}
