package dev.allowlist.portal.importing;

import dev.allowlist.portal.catalog.core.DataRegions;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.core.FirewallProduct;
import dev.allowlist.portal.importing.core.Cells;
import dev.allowlist.portal.importing.core.Field;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The customer list as files a spreadsheet opens: the export (every customer, the columns the import
 * reads, headers in the reader's language) and the template (the same header, an example row, and the
 * allowed values). CSV is UTF-8 with a BOM, so that Excel reads it as UTF-8, and every cell a
 * spreadsheet would take for a formula is written with a leading apostrophe; XLSX cells are text.
 */
public final class CustomerListFiles {

    private CustomerListFiles() {
    }

    public static List<String> header(Function<String, String> label) {
        return Arrays.stream(Field.values()).map(f -> label.apply(f.labelKey())).toList();
    }

    static List<String> row(Customer c) {
        List<String> row = new ArrayList<>();
        row.add(c.name);
        row.add(c.externalReference == null ? "" : c.externalReference);
        row.add(c.notes == null ? "" : c.notes);
        row.add(String.join("; ", c.licenses.stream().map(l -> l.license).filter(l -> l != License.CENTRAL).sorted()
                .map(License::name).toList()));
        row.add(String.join("; ", c.regions));
        row.add(yesNo(c.wildcardSupport));
        row.add(yesNo(c.usesActiveDirectory));
        row.add(yesNo(c.tlsInspection));
        row.add(yesNo(c.applicationFiltering));
        row.add(yesNo(c.narrowHydra));
        row.add(c.firewallProduct == null ? "" : c.firewallProduct);
        row.add(String.join("; ", c.mcsHosts.stream().map(h -> h.value).sorted().toList()));
        return row;
    }

    static List<String> example() {
        return List.of("Sakura Trading K.K.", "ACME-0001", "", "ENDPOINT; EDR", "eu-west-1", "yes", "no", "no", "no", "no",
                "panos", "dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com");
    }

    /** The allowed values, a line each: what the import reads in each column besides the API's words. */
    static List<List<String>> allowed(Function<String, String> label) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(label.apply("customer.licenses"), String.join(", ", Arrays.stream(License.values())
                .map(l -> l.name() + " (" + label.apply("license." + l.name()) + ")").toList())));
        rows.add(List.of(label.apply("customer.regions"), String.join(", ", DataRegions.all().stream()
                .map(r -> r.code() + " (" + label.apply(r.messageKey()) + ")").toList())));
        rows.add(List.of(label.apply("customer.firewallProduct"), String.join(", ", Arrays.stream(FirewallProduct.values())
                .map(p -> p.jsonName() + " (" + label.apply("firewall." + p.jsonName()) + ")").toList()) + ", none"));
        rows.add(List.of(label.apply("import.flags"), "yes / no, true / false, 1 / 0, はい / いいえ"));
        rows.add(List.of(label.apply("customer.hosts"), label.apply("import.hostsHelp")));
        rows.add(List.of(label.apply("import.matchRule"), label.apply("import.matchRuleText")));
        return rows;
    }

    public static byte[] csv(List<String> header, List<List<String>> rows, List<List<String>> notes) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord(header);
            for (List<String> row : rows) {
                csv.printRecord(row.stream().map(Cells::neutralised).toList());
            }
            for (List<String> note : notes) {
                csv.printRecord("# " + note.get(0) + ": " + note.get(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<String> header, List<List<String>> rows, List<List<String>> notes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Allowlist Portal", "1.0");
            Worksheet sheet = workbook.newWorksheet("customers");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    sheet.value(r + 1, c, row.get(c)); // a string cell: a spreadsheet shows it, never runs it
                }
            }
            if (!notes.isEmpty()) {
                Worksheet values = workbook.newWorksheet("allowed values");
                for (int r = 0; r < notes.size(); r++) {
                    values.value(r, 0, notes.get(r).get(0));
                    values.value(r, 1, notes.get(r).get(1));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
