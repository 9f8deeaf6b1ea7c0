package dev.allowlist.portal.export;

import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.RestForm;

/** Downloads from the pages, the bulk ZIP, and managing feeds. */
@Path("/exports")
public class ExportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feedCreated(long customerId, String format, String url);
    }

    @Inject
    ExportService exports;

    @Inject
    I18n i18n;

    /** Blocking (a snapshot may have to be read); the wait for the audit event holds no worker thread. */
    @GET
    @Path("customers/{id}")
    @io.smallrye.common.annotation.Blocking
    public java.util.concurrent.CompletionStage<Response> download(@PathParam("id") long id, @QueryParam("format") String format,
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
                .header("Content-Disposition", "attachment; filename=\"allowlists_" + chosen.id() + ".zip\"").build();
    }

    @POST
    @Path("customers/{id}/feeds")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance createFeed(@PathParam("id") long id, @RestForm String format) {
        String token = exports.createFeed(id, format);
        // the token is shown once, now; only its hash is stored, so a redirect could not show it again
        return Templates.feedCreated(id, format, "/feeds/" + token);
    }

    @POST
    @Path("customers/{id}/feeds/{feedId}/revoke")
    public Response revokeFeed(@PathParam("id") long id, @PathParam("feedId") long feedId) {
        exports.revokeFeed(id, feedId);
        return Redirects.seeOther("/customers/" + id + "#exports");
    }

    static Response file(ExportService.Download d) {
        Response.ResponseBuilder response = Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .header("ETag", d.etag())
                .header("X-Allowlist-Left-Out", String.valueOf(d.omitted().size()));
        return response.build();
    }

}
