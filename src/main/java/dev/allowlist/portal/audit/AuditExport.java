package dev.allowlist.portal.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.SpreadsheetCells;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;

/**
 * Audit events of a filter as CSV or JSON, streamed; every export says which period and filters it
 * covers. A failure after the first byte (the database gone mid-export) cannot change the status any
 * more, so the file itself shows it: CSV ends with an error line, JSON stops without its closing
 * brackets. Either way the failure is logged. A file that parses is a complete one.
 */
public final class AuditExport {

    private static final Logger LOG = Logger.getLogger(AuditExport.class);

    /** Where the events come from: each event of the filter, oldest first. */
    @FunctionalInterface
    interface Events {
        void each(Consumer<AuditHistory.Event> consumer);
    }

    public static StreamingOutput csv(AuditHistory audit, AuditHistory.Filter filter, String chain) {
        return csv(c -> audit.each(filter, c), filter, chain);
    }

    public static StreamingOutput json(AuditHistory audit, AuditHistory.Filter filter, String chain, ObjectMapper mapper) {
        return json(c -> audit.each(filter, c), filter, chain, mapper);
    }

    static final String RETENTION = "Audit events are kept indefinitely; the portal never changes or deletes them.";
    private static final String[] COLUMNS = { "id", "occurredAt", "actorSubject", "actorName", "client", "ipAddress",
            "operation", "resourceType", "resourceId", "resourcePath", "customerId", "summary", "details" };

    private AuditExport() {
    }

    static StreamingOutput csv(Events events, AuditHistory.Filter filter, String chain) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').setRecordSeparator("\n").get();
            try (CSVPrinter csv = new CSVPrinter(writer, format)) {
                csv.printComment("Allowlist Portal audit export");
                csv.printComment("chain: " + (AuditService.PLATFORM_CHAIN.equals(chain) ? "platform" : "partner " + chain));
                filter.described().forEach((k, v) -> {
                    try {
                        csv.printComment(k + ": " + (v.isEmpty() ? "(any)" : v));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                csv.printComment("exported at: " + Instant.now());
                csv.printComment("retention: " + RETENTION);
                csv.printRecord((Object[]) COLUMNS);
                long[] written = { 0 };
                try {
                    events.each(e -> {
                    try {
                        csv.printRecord(e.id(), e.occurredAt(), SpreadsheetCells.neutralised(e.actorSubject()), SpreadsheetCells.neutralised(e.actorName()), e.client(),
                                e.ipAddress(), e.operation(), e.resourceType(), SpreadsheetCells.neutralised(e.resourceId()), SpreadsheetCells.neutralised(e.resourcePath()),
                                e.customerId(), SpreadsheetCells.neutralised(e.summary()), SpreadsheetCells.neutralised(e.details()));
                        written[0]++;
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                    });
                } catch (RuntimeException failure) {
                    LOG.error("Audit export (CSV) failed after " + written[0] + " events; the file is marked incomplete",
                            failure);
                    csv.printComment("ERROR: the export failed after " + written[0]
                            + " events. This file is INCOMPLETE: export again.");
                }
            }
        };
    }

    static StreamingOutput json(Events events, AuditHistory.Filter filter, String chain, ObjectMapper mapper) {
        return out -> {
            try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                json.writeStartObject();
                json.writeStringField("chain", AuditService.PLATFORM_CHAIN.equals(chain) ? "platform" : chain);
                json.writeObjectField("filters", filter.described());
                json.writeStringField("exportedAt", Instant.now().toString());
                json.writeStringField("retention", RETENTION);
                json.writeArrayFieldStart("events");
                long[] written = { 0 };
                try {
                    events.each(e -> {
                    try {
                        json.writeObject(Map.ofEntries(
                                Map.entry("id", e.id()), Map.entry("occurredAt", e.occurredAt().toString()),
                                Map.entry("actorSubject", e.actorSubject()),
                                Map.entry("actorName", String.valueOf(e.actorName())),
                                Map.entry("client", String.valueOf(e.client())),
                                Map.entry("ipAddress", String.valueOf(e.ipAddress())),
                                Map.entry("operation", e.operation()), Map.entry("resourceType", e.resourceType()),
                                Map.entry("resourceId", String.valueOf(e.resourceId())),
                                Map.entry("resourcePath", String.valueOf(e.resourcePath())),
                                Map.entry("customerId", e.customerId() == null ? -1L : e.customerId()),
                                Map.entry("summary", e.summary()), Map.entry("details", mapper.readTree(e.details()))));
                        written[0]++;
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                    });
                } catch (RuntimeException failure) {
                    LOG.error("Audit export (JSON) failed after " + written[0] + " events; the file is left unclosed",
                            failure);
                    // no closing brackets: a JSON parser refuses the file instead of taking it as complete
                    json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
                    json.flush();
                    return;
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        };
    }
}
