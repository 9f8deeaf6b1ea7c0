package dev.allowlist.portal.allowlist.core;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A change report as CSV: one row per change, the causes as comments. */
public final class ChangeReportCsv {

    private ChangeReportCsv() {
    }

    public static String write(ChangeReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setCommentMarker('#')
                .setRecordSeparator("\n").get())) {
            csv.printComment("Changes from v" + report.from() + " to v" + report.to());
            for (String cause : report.causes()) {
                csv.printComment(cause);
            }
            csv.printRecord("disposition", "id", "value", "impact", "kind", "ports", "related", "detail");
            for (ChangeReport.Change c : Stream.of(report.added(), report.removed(), report.changed())
                    .flatMap(List::stream).toList()) {
                csv.printRecord(c.disposition().name().toLowerCase(Locale.ROOT), c.id(), c.value(), c.impact(),
                        c.kind(), c.ports().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                        String.join(" ", c.related()), c.detail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
