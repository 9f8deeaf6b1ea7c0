package dev.allowlist.portal.export;

import dev.allowlist.portal.export.core.ExportFormat;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Attachments;
import dev.allowlist.portal.system.I18n;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.concurrent.CompletionStage;

/** Downloads from the pages and the bulk ZIP. */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/exports")
public class ExportResource {

    @Inject
    ExportService exports;

    @Inject
    I18n i18n;

    /** Blocking (a snapshot may have to be read); the wait for the audit event holds no worker thread. */
    @GET
    @Path("customers/{id}")
    @Blocking
    public CompletionStage<Response> download(@PathParam("id") long id, @QueryParam("format") String format,
            @QueryParam("proxy") String proxy) {
        return exports.downloadLater(id, format, proxy).thenApply(ExportResource::file);
    }

    @GET
    @Path("all.zip")
    @Produces("application/zip")
    public Response bulk(@QueryParam("format") String format, @QueryParam("proxy") String proxy) {
        ExportFormat chosen = ExportService.format(format); // a bad format is a 400 before streaming starts
        StreamingOutput body = out -> exports.bulk(chosen.id(), proxy, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", Attachments.named("allowlists_" + chosen.id() + ".zip")).build();
    }

    static Response file(ExportService.Download d) {
        Response.ResponseBuilder response = Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", Attachments.named(d.fileName()))
                .header("ETag", d.etag())
                .header("X-Allowlist-Left-Out", String.valueOf(d.omitted().size()));
        return response.build();
    }

}
