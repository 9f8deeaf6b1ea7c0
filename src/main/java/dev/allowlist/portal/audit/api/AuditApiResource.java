package dev.allowlist.portal.audit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.audit.AuditExport;
import dev.allowlist.portal.audit.AuditHistory;
import dev.allowlist.portal.audit.AuditResource;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Attachments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Audit events for auditors' tools: JSON (default) or CSV ({@code format=csv}), and the integrity check. */
@RolesAllowed(PortalRoles.AUDIT_READER)
@Path("/api/v1/audit")
public class AuditApiResource {

    @Inject
    AuditHistory audit;

    @Inject
    ObjectMapper json;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    public Response events(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("customerId") Long customerId, @QueryParam("actor") String actor,
            @QueryParam("operation") String operation, @QueryParam("resourceType") String resourceType,
            @QueryParam("format") String format) {
        AuditHistory.Filter filter = AuditResource.filter(from, to, customerId, actor, operation, resourceType);
        String chain = audit.readableChain();
        if ("csv".equals(format)) {
            return Response.ok(AuditExport.csv(audit, filter, chain), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", Attachments.named("audit_" + AuditResource.fileLabel(chain) + ".csv"))
                    .build();
        }
        return Response.ok(AuditExport.json(audit, filter, chain, json), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> verify() {
        AuditHistory.Verification result = audit.verify();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intact", result.intact());
        body.put("events", result.events());
        if (result.broken() != null) {
            body.put("brokenEventId", result.broken().eventId());
            body.put("brokenAt", String.valueOf(result.broken().occurredAt()));
            body.put("problem", result.broken().problem());
        }
        return body;
    }
}
