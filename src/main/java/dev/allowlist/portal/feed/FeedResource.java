package dev.allowlist.portal.feed;

import dev.allowlist.portal.export.ExportService;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What firewalls poll: no login, the token is the credential; unknown or revoked tokens get a bare 404. */
@PermitAll
@Path("/feeds")
public class FeedResource {

    @Inject
    FeedService feeds;

    /**
     * Blocking (a snapshot may have to be read), but a first delivery's wait for its audit event holds no
     * worker thread: the answer is written when the stage completes.
     */
    @GET
    @Path("{token}")
    @Blocking
    public CompletionStage<Response> pull(@PathParam("token") String token, @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpServerRequest request) {
        // the client's address as the connection gives it (a trusted proxy's X-Forwarded-For already applied)
        String client = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        Optional<FeedService.Pull> pull = feeds.pull(token, ifNoneMatch, client);
        if (pull.isEmpty()) {
            return CompletableFuture.completedFuture(Response.status(404).build());
        }
        ExportService.Download d = pull.get().download();
        if (pull.get().notModified()) {
            // the header as it is: Response.notModified(String) would quote the quoted tag again
            return CompletableFuture.completedFuture(Response.status(Response.Status.NOT_MODIFIED).header("ETag", d.etag())
                    .header("Cache-Control", "no-cache").build());
        }
        return pull.get().recorded().thenApply(stored -> Response.ok(d.content(), d.contentType()).header("ETag", d.etag())
                .header("Cache-Control", "no-cache").build());
    }
}
