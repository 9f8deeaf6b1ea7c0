package dev.allowlist.portal.check.api;

import dev.allowlist.portal.check.CheckService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Where check scripts post their reports: no login, the token in the path is the credential. An
 * unknown or revoked token gets a bare 404, a report that is not this customer's a 400 naming what is
 * wrong (and nothing of the portal's data), a token past its share a 429 with Retry-After.
 */
@PermitAll
@Path("/checks")
public class CheckReportResource {

    @Inject
    CheckService checks;

    @POST
    @Path("{token}")
    public Response report(@PathParam("token") String token, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(CheckService.MAX_REPORT_BYTES + 1);
        if (bytes.length > CheckService.MAX_REPORT_BYTES) {
            return Response.status(413).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("status", 413, "message",
                    "A check report may hold at most " + CheckService.MAX_REPORT_BYTES / 1024 + " KB.")).build();
        }
        try {
            return checks.reportFromScript(token, bytes)
                    .map(id -> Response.status(202).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("status", 202, "message", "Report received.")).build())
                    .orElseGet(() -> Response.status(404).build());
        } catch (CheckService.TooManyReports e) {
            return Response.status(429).header("Retry-After", e.retryAfterSeconds).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("status", 429, "message", "Too many reports from this token: try again in "
                            + e.retryAfterSeconds + " s.")).build();
        }
    }
}
