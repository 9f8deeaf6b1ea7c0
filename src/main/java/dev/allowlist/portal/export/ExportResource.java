package dev.allowlist.portal.export;

import dev.allowlist.portal.export.core.ExportFormat;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Attachments;
import dev.allowlist.portal.system.I18n;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.resteasy.reactive.RestForm;

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

    /** The customers chosen on the customer list, in one format, as a ZIP (a form post: the list is the partner's). */
    @POST
    @Path("selected.zip")
    @Produces("application/zip")
    public Response selected(@RestForm String format, @RestForm List<Long> ids) {
        List<ExportService.Download> files = exports.selection(format, ids);
        StreamingOutput body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                Set<String> names = new HashSet<>();
                for (ExportService.Download d : files) {
                    String name = d.fileName();
                    for (int n = 2; !names.add(name); n++) { // customers may share a name
                        name = d.fileName().replaceFirst("(\\.[a-z0-9]+)$", "_" + n + "$1");
                    }
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(d.content().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", Attachments.named("allowlists_selected_" + ExportService.format(format).id() + ".zip"))
                .build();
    }

    static Response file(ExportService.Download d) {
        Response.ResponseBuilder response = Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", Attachments.named(d.fileName()))
                .header("ETag", d.etag())
                .header("X-Allowlist-Left-Out", String.valueOf(d.omitted().size()));
        return response.build();
    }

}
