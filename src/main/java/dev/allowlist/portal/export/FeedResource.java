package dev.allowlist.portal.export;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** What firewalls poll: no login, the token is the credential; unknown or revoked tokens get a bare 404. */
@Path("/feeds")
public class FeedResource {

    @Inject
    ExportService exports;

    @GET
    @Path("{token}")
    public Response pull(@PathParam("token") String token, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Optional<ExportService.Download> download = exports.pull(token);
        if (download.isEmpty()) {
            return Response.status(404).build();
        }
        ExportService.Download d = download.get();
        if (matches(ifNoneMatch, d.etag())) {
            // the header as it is: Response.notModified(String) would quote the quoted tag again
            return Response.status(Response.Status.NOT_MODIFIED).header("ETag", d.etag())
                    .header("Cache-Control", "no-cache").build();
        }
        return Response.ok(d.content(), d.contentType()).header("ETag", d.etag())
                .header("Cache-Control", "no-cache").build();
    }

    /** RFC 9110 If-None-Match: "*", or a list of entity tags compared weakly (W/ ignored). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
