package dev.allowlist.portal.check;

import dev.allowlist.portal.SpreadsheetCells;
import dev.allowlist.portal.check.core.Reconciliation;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A reconciliation as CSV: one row per required entry, then one per firewall entry that is broader or extra. */
final class ReconciliationCsv {

    private ReconciliationCsv() {
    }

    static String write(Reconciliation result) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                .setHeader("side", "value", "kind", "status", "firewall entry", "line").get())) {
            for (Reconciliation.Required r : result.required()) {
                csv.printRecord("required", cell(r.value()), r.kind(), r.status().name().toLowerCase(Locale.ROOT),
                        cell(r.by()), r.line() == 0 ? "" : r.line());
            }
            for (Reconciliation.Found f : result.firewall()) {
                if (f.status() != Reconciliation.FoundStatus.USED) {
                    csv.printRecord("firewall", cell(f.text()), "", f.status().name().toLowerCase(Locale.ROOT),
                            cell(String.join(" ", f.covers())), f.line());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String cell(String value) {
        return SpreadsheetCells.neutralised(Objects.toString(value, ""));
    }
}
