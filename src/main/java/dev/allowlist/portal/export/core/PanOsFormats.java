package dev.allowlist.portal.export.core;

import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Palo Alto Networks PAN-OS (README, "Firewall exports"). A URL List external dynamic list can be
 * used "in a URL Filtering profile or as match criteria in a Security policy rule"; its entries follow
 * the URL category exception rules: {@code *} stands for whole tokens only, and an entry without a
 * trailing slash gets an implicit {@code *} at its end on firewalls without "Append Ending Token"
 * ({@code example.com} would match {@code example.com.evil.net}). Every line therefore ends in
 * {@code /}: {@code host/} matches that host only, {@code *.domain/} its subdomains only.
 */
public final class PanOsFormats {

    private PanOsFormats() {
    }

    static final int MAX_LINE = 255;

    /** PAN-OS URL List EDL (also served as a feed). An EDL file takes no comments: no header. */
    static final class UrlList implements ExportFormat {
        public String id() { return "panos-url"; }
        public String extension() { return "txt"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }

        public Export render(ExportContext c) {
            return LineFormats.render(c, "PAN-OS URL List EDL", null, e -> {
                if (ExportFormat.isPattern(e)) {
                    return "PAN-OS wildcards stand for whole tokens; a * inside a label cannot be written";
                }
                return e.value().length() + 1 > MAX_LINE ? "longer than the 255 characters PAN-OS accepts in a line" : null;
            }, e -> e.value() + "/");
        }
    }

    /**
     * SSL Decryption Exclusion entries (Device > Certificate Management > SSL Decryption Exclusion) as
     * PAN-OS configuration-mode {@code set} commands. There each {@code *} stands for exactly one label,
     * so every host the allowlist names exactly is listed as itself (also those a wildcard took over),
     * and each wildcard as {@code *.domain} for the hosts one label below it.
     */
    static final class DecryptionExclusion implements ExportFormat {
        public String id() { return "panos-decrypt-exclusion"; }
        public String extension() { return "txt"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }

        public Export render(ExportContext c) {
            List<Omitted> omitted = new ArrayList<>();
            List<String> names = new ArrayList<>(ExportFormat.exactHosts(c.allowlist()));
            for (AllowlistEntry e : c.allowlist().entries()) {
                if (ExportFormat.isWildcard(e)) {
                    names.add(e.value());
                } else if (ExportFormat.isPattern(e)) {
                    omitted.add(new Omitted(e.value(), "an exclusion's * stands for one whole label"));
                }
            }
            StringBuilder out = new StringBuilder();
            for (String line : ExportFormat.headerLines("PAN-OS SSL decryption exclusions (configuration mode)", c, omitted)) {
                out.append("# ").append(line).append('\n');
            }
            out.append("""
                    # Paste in configuration mode (configure), then commit. In an exclusion each * stands for
                    # exactly one label: *.sophos.com matches a.sophos.com, not a.b.sophos.com; deeper hosts the
                    # allowlist knows are listed one by one. For everything else under a wildcard, add a
                    # Decryption policy rule with action No Decrypt whose URL category is the panos-url EDL.
                    """);
            String description = "Allowlist Portal " + ObjectNames.prefix(c.customerId()) + "v" + c.version();
            for (String name : names) {
                out.append("set shared ssl-decrypt ssl-exclude-cert \"").append(name).append("\" description \"")
                        .append(description).append("\" exclude yes\n");
            }
            return new Export(out.toString(), List.copyOf(omitted));
        }
    }
}
