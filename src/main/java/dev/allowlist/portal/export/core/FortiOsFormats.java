package dev.allowlist.portal.export.core;

import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * FortiGate (FortiOS) CLI scripts (README, "Firewall exports"): {@code config firewall address}
 * entries of type {@code fqdn} and {@code wildcard-fqdn}, an address group for the policy, and SSL
 * inspection exemptions. {@code edit <name>} updates an object that exists and creates one that
 * does not, and {@code set member} replaces the group's members: re-running a script updates, never
 * duplicates.
 */
public final class FortiOsFormats {

    private FortiOsFormats() {
    }

    /** FortiOS 6.x/7.x address names: at most 79 characters; 63 keeps to the shortest limit documented. */
    static final int NAME_MAX = 63;
    static final String REFUSED = "[^A-Za-z0-9_.\\-]";

    static String name(ExportFormat.ExportContext c, String value) {
        return ObjectNames.of(c.customerId(), value, NAME_MAX, REFUSED);
    }

    static String group(ExportFormat.ExportContext c) {
        return ObjectNames.prefix(c.customerId()) + "sophos-central";
    }

    static String quoted(String text) {
        return "\"" + ExportFormat.clean(text).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static final String PATTERN_REASON = "FortiOS wildcard FQDN addresses are written *.domain; "
            + "turn on wildcard support to get the vendor's *.s3.<region>.amazonaws.com instead";

    static void header(StringBuilder out, String title, ExportFormat.ExportContext c, List<ExportFormat.Omitted> omitted) {
        for (String line : ExportFormat.headerLines(title, c, omitted)) {
            out.append("# ").append(line).append('\n');
        }
    }

    static void addresses(StringBuilder out, ExportFormat.ExportContext c, List<AllowlistEntry> entries) {
        String comment = quoted("Allowlist Portal: " + c.customerName() + " #" + c.customerId());
        out.append("config firewall address\n");
        for (AllowlistEntry e : entries) {
            out.append("    edit \"").append(name(c, e.value())).append("\"\n");
            if (ExportFormat.isWildcard(e)) {
                out.append("        set type wildcard-fqdn\n        set wildcard-fqdn \"").append(e.value()).append("\"\n");
            } else {
                out.append("        set type fqdn\n        set fqdn \"").append(e.value()).append("\"\n");
            }
            out.append("        set comment ").append(comment).append("\n    next\n");
        }
        out.append("end\n");
    }

    /** Addresses and the address group an allow policy uses as its destination. */
    static final class Cli implements ExportFormat {
        public String id() { return "fortigate-cli"; }
        public String extension() { return "txt"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }

        public Export render(ExportContext c) {
            List<Omitted> omitted = new ArrayList<>();
            List<AllowlistEntry> entries = new ArrayList<>();
            for (AllowlistEntry e : c.allowlist().entries()) {
                if (ExportFormat.isPattern(e)) {
                    omitted.add(new Omitted(e.value(), PATTERN_REASON));
                } else {
                    entries.add(e);
                }
            }
            StringBuilder out = new StringBuilder();
            header(out, "FortiOS CLI: firewall addresses and an address group", c, omitted);
            out.append("# Paste into the CLI (or run as a configuration script). Then use the address group\n")
                    .append("# ").append(group(c)).append(" as the destination of an ACCEPT policy for the ports above.\n")
                    .append("# wildcard-fqdn addresses match only addresses the FortiGate has seen in DNS answers:\n")
                    .append("# let the endpoints' DNS go through the FortiGate (or use it as their DNS server).\n");
            addresses(out, c, entries);
            out.append("config firewall addrgrp\n    edit \"").append(group(c)).append("\"\n        set member");
            for (AllowlistEntry e : entries) {
                out.append(" \"").append(name(c, e.value())).append('"');
            }
            out.append("\n        set comment ").append(quoted("Allowlist Portal v" + c.version() + ": " + c.customerName()))
                    .append("\n    next\nend\n");
            return new Export(out.toString(), List.copyOf(omitted));
        }
    }

    /**
     * SSL/SSH inspection exemptions: exact hosts as {@code address} exemptions of the same addresses
     * the CLI export creates, wildcards as {@code wildcard-fqdn custom} objects. Exemption ids are
     * fixed per entry (from 9000 on) so that a second run overwrites the first.
     */
    static final class SslExempt implements ExportFormat {
        static final int FIRST_ID = 9000;

        public String id() { return "fortigate-ssl-exempt"; }
        public String extension() { return "txt"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }

        public Export render(ExportContext c) {
            List<Omitted> omitted = new ArrayList<>();
            List<AllowlistEntry> exact = new ArrayList<>();
            List<AllowlistEntry> wildcards = new ArrayList<>();
            for (AllowlistEntry e : c.allowlist().entries()) {
                if (ExportFormat.isPattern(e)) {
                    omitted.add(new Omitted(e.value(), PATTERN_REASON));
                } else {
                    (ExportFormat.isWildcard(e) ? wildcards : exact).add(e);
                }
            }
            StringBuilder out = new StringBuilder();
            header(out, "FortiOS CLI: SSL inspection exemptions", c, omitted);
            out.append("# Exempts these hosts from deep inspection in the SSL/SSH inspection profile below.\n")
                    .append("# Replace custom-deep-inspection with the profile your policies use before pasting.\n");
            addresses(out, c, exact);
            out.append("config firewall wildcard-fqdn custom\n");
            for (AllowlistEntry e : wildcards) {
                out.append("    edit \"").append(name(c, e.value())).append("\"\n        set wildcard-fqdn \"").append(e.value())
                        .append("\"\n    next\n");
            }
            out.append("end\nconfig firewall ssl-ssh-profile\n    edit \"custom-deep-inspection\"\n        config ssl-exempt\n");
            int id = FIRST_ID;
            for (AllowlistEntry e : exact) {
                out.append("            edit ").append(id++).append("\n                set type address\n                set address \"")
                        .append(name(c, e.value())).append("\"\n            next\n");
            }
            for (AllowlistEntry e : wildcards) {
                out.append("            edit ").append(id++).append("\n                set type wildcard-fqdn\n")
                        .append("                set wildcard-fqdn \"").append(name(c, e.value())).append("\"\n            next\n");
            }
            out.append("        end\n    next\nend\n");
            return new Export(out.toString(), List.copyOf(omitted));
        }
    }
}
