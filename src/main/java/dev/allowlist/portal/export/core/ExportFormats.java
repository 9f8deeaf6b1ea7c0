package dev.allowlist.portal.export.core;

import dev.allowlist.portal.allowlist.core.Allowlist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every export format by id, in the order the download menu shows them; the retired ones last (they
 * answer their feeds, and leave the menu).
 */
public final class ExportFormats {

    private static final Map<String, ExportFormat> BY_ID = new LinkedHashMap<>();

    static {
        for (ExportFormat format : List.of(new LineFormats.Txt(), new CsvFormat(), new JsonFormat(), new LineFormats.Squid(),
                new PacFormat(), new PanOsFormats.UrlList(), new FortiOsFormats.Cli(), new CiscoFormats.ManagementCenterObjects(),
                new SophosFirewallFormats.FqdnHosts(), new PanOsFormats.DecryptionExclusion(), new FortiOsFormats.SslExempt(),
                new SophosFirewallFormats.TlsExclusion(), new VerifyScripts.PowerShell(), new VerifyScripts.Shell(),
                new LineFormats.PanOsEdl(), new LineFormats.FortiGate(), new LineFormats.CiscoFmc(),
                new LineFormats.SophosFirewall())) {
            BY_ID.put(format.id(), format);
        }
    }

    private ExportFormats() {
    }

    public static Optional<ExportFormat> byId(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    public static List<ExportFormat> all() {
        return List.copyOf(BY_ID.values());
    }

    /** The hosts the check scripts test for this allowlist: what a check report may name. */
    public static Set<String> checkedHosts(Allowlist allowlist) {
        return VerifyScripts.testable(allowlist).keySet();
    }

    /** The formats a person can pick: all but the retired ones. */
    public static List<ExportFormat> menu() {
        return BY_ID.values().stream().filter(f -> !f.retired()).toList();
    }
}
