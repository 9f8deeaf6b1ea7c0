package dev.allowlist.portal.export.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import dev.allowlist.portal.allowlist.core.AllowlistWarning;
import dev.allowlist.portal.allowlist.core.Reason;
import dev.allowlist.portal.allowlist.core.UnemittedRule;
import dev.allowlist.portal.export.core.ExportFormat;
import java.util.List;

/** The allowlist JSON of the API (design.md), for scripts. */
public final class JsonFormat implements ExportFormat {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String id() { return "json"; }
    public String extension() { return "json"; }
    public String contentType() { return "application/json"; }

    public Export render(ExportContext c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("customerId", c.customerId());
        root.put("customerName", c.customerName());
        root.put("version", c.version());
        root.put("catalogVersion", c.allowlist().catalogVersion());
        root.put("contentHash", c.allowlist().contentHash());
        root.put("generatedAt", c.generatedAt().toString());
        ArrayNode entries = root.putArray("entries");
        for (AllowlistEntry e : c.allowlist().entries()) {
            ObjectNode entry = entries.addObject();
            entry.put("id", e.id());
            entry.put("value", e.value());
            entry.put("kind", e.kind().jsonName());
            ArrayNode ports = entry.putArray("ports");
            e.ports().forEach(ports::add);
            entry.put("owner", e.owner().jsonName());
            ArrayNode reasons = entry.putArray("reasons");
            for (Reason r : e.reasons()) {
                ObjectNode reason = reasons.addObject();
                reason.put("rule", r.source());
                reason.put("section", r.section());
                reason.put("replaces", r.replaces());
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        for (AllowlistWarning w : c.allowlist().warnings()) {
            ObjectNode warning = warnings.addObject();
            warning.put("code", w.code().name());
            warning.put("subject", w.subject());
            warning.put("detail", w.detail());
            warning.put("message", w.message());
        }
        ArrayNode unemitted = root.putArray("unemitted");
        for (UnemittedRule u : c.allowlist().unemitted()) {
            ObjectNode rule = unemitted.addObject();
            rule.put("region", u.region());
            rule.put("rule", u.rule());
            rule.put("hostPattern", u.hostPattern());
            rule.put("coveredBy", u.coveredBy());
            rule.put("proxyTakes", u.proxyTakes());
            rule.put("message", u.message());
        }
        try {
            return new Export(MAPPER.writeValueAsString(root) + "\n", List.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
