package dev.allowlist.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An export that fails after its first byte cannot change its status any more: the file must show it
 * (issue 13, F9). The events come from a source that fails after two, as a database would mid-stream.
 */
class AuditExportFailureTest {

    private static final AuditHistory.Event EVENT = new AuditHistory.Event(1, Instant.parse("2026-11-01T00:00:00Z"),
            "alice", "Alice", "web", "127.0.0.1", "CREATE", "customer", "1", "/customers", 1L, "Customer created",
            "{\"after\":{}}");

    private static final AuditExport.Events FAILING = consumer -> {
        consumer.accept(EVENT);
        consumer.accept(EVENT);
        throw new IllegalStateException("connection lost");
    };

    private static final AuditExport.Events COMPLETE = consumer -> consumer.accept(EVENT);

    private static String run(StreamingOutput output) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCsvExportThatFailsEndsWithAnErrorLine() throws Exception {
        String csv = run(AuditExport.csv(FAILING, AuditHistory.Filter.none(), "acme"));
        assertThat(csv.strip()).endsWith("# ERROR: the export failed after 2 events. This file is INCOMPLETE: export again.");
        assertThat(run(AuditExport.csv(COMPLETE, AuditHistory.Filter.none(), "acme"))).doesNotContain("ERROR");
    }

    @Test
    void aJsonExportThatFailsIsNotValidJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = run(AuditExport.json(FAILING, AuditHistory.Filter.none(), "acme", mapper));
        assertThat(json).contains("\"events\":[");
        assertThatThrownBy(() -> mapper.readTree(json)).isInstanceOf(JsonProcessingException.class);
        assertThat(mapper.readTree(run(AuditExport.json(COMPLETE, AuditHistory.Filter.none(), "acme", mapper)))
                .get("events")).hasSize(1);
    }
}
