package dev.allowlist.portal.export.core;

import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Sophos Firewall (SFOS) XML API requests (README, "Firewall exports"): FQDN hosts in an FQDN host
 * group for a firewall rule, and a URL group for the SSL/TLS exclusion list. The vendor's page says
 * Sophos Firewall allows Sophos Central's domains by default: these files are for a firewall whose
 * own rules block them.
 */
public final class SophosFirewallFormats {

    private SophosFirewallFormats() {
    }

    static final int NAME_MAX = 60;
    static final String REFUSED = "[^A-Za-z0-9_.\\-]";

    static String xml(String text) {
        return ExportFormat.clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static void start(StringBuilder out, String title, ExportFormat.ExportContext c, List<ExportFormat.Omitted> omitted,
            String use) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n");
        for (String line : ExportFormat.headerLines(title, c, omitted)) {
            out.append("  ").append(xml(line).replace("--", "- -")).append('\n');
        }
        out.append("""
                  Sophos says Sophos Firewall allows these domains by default: you need this only if your own rules block them.
                  Send with the XML API, after putting an API administrator's name and password in <Login>:
                    curl -k https://<firewall>:4444/webconsole/APIController -F "reqxml=<this-file.xml"
                """).append("  ").append(use).append("\n-->\n<Request>\n")
                .append("  <Login>\n    <Username>API-ADMIN</Username>\n    <Password>API-PASSWORD</Password>\n  </Login>\n");
    }

    /** FQDN hosts ({@code *.domain} for wildcards) and the FQDN host group a firewall rule allows. */
    static final class FqdnHosts implements ExportFormat {
        public String id() { return "sophos-firewall-xml"; }
        public String extension() { return "xml"; }
        public String contentType() { return "application/xml; charset=UTF-8"; }

        public Export render(ExportContext c) {
            List<Omitted> omitted = new ArrayList<>();
            List<AllowlistEntry> entries = new ArrayList<>();
            for (AllowlistEntry e : c.allowlist().entries()) {
                if (ExportFormat.isPattern(e)) {
                    omitted.add(new Omitted(e.value(), "an FQDN host takes * only as its first label"));
                } else {
                    entries.add(e);
                }
            }
            String group = ObjectNames.prefix(c.customerId()) + "Sophos-Central";
            StringBuilder out = new StringBuilder();
            start(out, "Sophos Firewall FQDN hosts and host group (XML API)", c, omitted,
                    "Then allow the group " + group + " as the destination of a firewall rule for the ports above. "
                            + "Wildcard FQDN hosts resolve from DNS answers the firewall sees: let the endpoints' DNS pass through it.");
            out.append("  <Set operation=\"add\">\n    <FQDNHostGroup transactionid=\"\">\n      <Name>").append(group)
                    .append("</Name>\n      <Description>").append(xml("Allowlist Portal v" + c.version() + ": " + c.customerName()))
                    .append("</Description>\n    </FQDNHostGroup>\n");
            for (AllowlistEntry e : entries) {
                out.append("    <FQDNHost transactionid=\"\">\n      <Name>")
                        .append(ObjectNames.of(c.customerId(), e.value(), NAME_MAX, REFUSED)).append("</Name>\n      <Description>")
                        .append("Allowlist Portal</Description>\n      <FQDN>").append(e.value()).append("</FQDN>\n")
                        .append("      <FQDNHostGroupList>\n        <FQDNHostGroup>").append(group)
                        .append("</FQDNHostGroup>\n      </FQDNHostGroupList>\n    </FQDNHost>\n");
            }
            out.append("  </Set>\n</Request>\n");
            return new Export(out.toString(), List.copyOf(omitted));
        }
    }

    /**
     * A web URL group for the SSL/TLS exclusion list: a URL group entry is a plain domain name that
     * includes its subdomains, so {@code *.domain} is written {@code domain} and an entry a shorter
     * one already includes is left out.
     */
    static final class TlsExclusion implements ExportFormat {
        public String id() { return "sophos-firewall-tls-exclusion"; }
        public String extension() { return "xml"; }
        public String contentType() { return "application/xml; charset=UTF-8"; }

        public Export render(ExportContext c) {
            List<Omitted> omitted = new ArrayList<>();
            TreeSet<String> domains = new TreeSet<>();
            for (AllowlistEntry e : c.allowlist().entries()) {
                if (ExportFormat.isPattern(e)) {
                    omitted.add(new Omitted(e.value(), "a URL group entry is a plain domain name"));
                } else {
                    domains.add(ExportFormat.isWildcard(e) ? e.value().substring(2) : e.value());
                }
            }
            List<String> kept = new ArrayList<>();
            for (String d : domains) {
                if (domains.stream().noneMatch(other -> !other.equals(d) && d.endsWith("." + other))) {
                    kept.add(d);
                }
            }
            String group = ObjectNames.prefix(c.customerId()) + "Sophos-TLS-exclusions";
            StringBuilder out = new StringBuilder();
            start(out, "Sophos Firewall URL group for the SSL/TLS exclusion list (XML API)", c, omitted,
                    "Then use the URL group " + group + " in an SSL/TLS inspection rule with the action Don't decrypt "
                            + "(or add its domains to the Local TLS exclusion list). Each domain includes its subdomains.");
            out.append("  <Set operation=\"add\">\n    <WebFilterURLGroup transactionid=\"\">\n      <Name>").append(group)
                    .append("</Name>\n      <URLlist>\n");
            for (String d : kept) {
                out.append("        <URL>").append(d).append("</URL>\n");
            }
            out.append("      </URLlist>\n    </WebFilterURLGroup>\n  </Set>\n</Request>\n");
            return new Export(out.toString(), List.copyOf(omitted));
        }
    }
}
