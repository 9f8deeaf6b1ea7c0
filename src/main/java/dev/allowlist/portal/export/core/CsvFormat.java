package dev.allowlist.portal.export.core;

import dev.allowlist.portal.SpreadsheetCells;
import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import dev.allowlist.portal.allowlist.core.Reason;
import dev.allowlist.portal.export.core.ExportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A spreadsheet of the entries: value, kind, ports, owner, the reasons in words a network team reads (the
 * catalog's section titles, "Observed MCS host" for a host seen on the customer's endpoints), and the
 * rule ids apart. Cells that would start a formula are neutralised.
 */
public final class CsvFormat implements ExportFormat {

    public String id() { return "csv"; }
    public String extension() { return "csv"; }
    public String contentType() { return "text/csv; charset=UTF-8"; }

    public Export render(ExportContext c) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord("value", "kind", "ports", "owner", "reasons", "rule ids");
            for (AllowlistEntry e : c.allowlist().entries()) {
                csv.printRecord(SpreadsheetCells.neutralised(e.value()), e.kind().jsonName(),
                        e.ports().stream().map(String::valueOf).collect(Collectors.joining(" ")), e.owner().jsonName(),
                        SpreadsheetCells.neutralised(words(e.reasons(), c.sectionTitles())),
                        SpreadsheetCells.neutralised(e.reasons().stream().map(CsvFormat::reason).collect(Collectors.joining("; "))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export(out.toString(), List.of());
    }

    /**
     * An entry's reasons in words: the catalog sections that ask for it (a section's id when its title is
     * unknown), then, for a wildcard, the entries it covers: {@code Endpoint domains and ports; covers
     * d1.sophosupd.com, d2.sophosupd.com}.
     */
    private static String words(List<Reason> reasons, java.util.Map<String, String> titles) {
        String why = reasons.stream().map(r -> r.isObservedHost() ? "Observed MCS host of this customer"
                : titles.getOrDefault(r.section(), r.section())).distinct().collect(Collectors.joining("; "));
        String covers = reasons.stream().map(Reason::replaces).filter(java.util.Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
        return covers.isEmpty() ? why : why + "; covers " + covers;
    }

    private static String reason(Reason r) {
        return r.replaces() == null ? r.source() : r.source() + " (replaces " + r.replaces() + ")";
    }
}
