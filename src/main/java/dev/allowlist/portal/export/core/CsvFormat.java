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

/** A spreadsheet of the entries: value, kind, ports, owner, reasons. Cells that would start a formula are neutralised. */
public final class CsvFormat implements ExportFormat {

    public String id() { return "csv"; }
    public String extension() { return "csv"; }
    public String contentType() { return "text/csv; charset=UTF-8"; }

    public Export render(ExportContext c) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord("value", "kind", "ports", "owner", "reasons");
            for (AllowlistEntry e : c.allowlist().entries()) {
                csv.printRecord(SpreadsheetCells.neutralised(e.value()), e.kind().jsonName(),
                        e.ports().stream().map(String::valueOf).collect(Collectors.joining(" ")), e.owner().jsonName(),
                        SpreadsheetCells.neutralised(e.reasons().stream().map(CsvFormat::reason).collect(Collectors.joining("; "))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export(out.toString(), List.of());
    }

    private static String reason(Reason r) {
        return r.replaces() == null ? r.source() : r.source() + " (replaces " + r.replaces() + ")";
    }
}
