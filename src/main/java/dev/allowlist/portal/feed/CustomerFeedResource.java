package dev.allowlist.portal.feed;

import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** A customer's feeds, from its page: a partner admin creates one (its URL shown once) or revokes one. */
@RolesAllowed(PortalRoles.PARTNER_ADMIN)
@Path("/exports/customers/{id}/feeds")
public class CustomerFeedResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feedCreated(long customerId, String format, String url);
    }

    @Inject
    FeedService feeds;

    @Inject
    PortalConfig config;

    @POST
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance create(@PathParam("id") long id, @RestForm String format) {
        String token = feeds.createFeed(id, format);
        // the token is shown once, now; only its hash is stored, so a redirect could not show it again
        return Templates.feedCreated(id, format, config.publicUrl().replaceAll("/+$", "") + "/feeds/" + token);
    }

    @POST
    @Path("{feedId}/revoke")
    public Response revoke(@PathParam("id") long id, @PathParam("feedId") long feedId) {
        feeds.revokeFeed(id, feedId);
        return Flash.seeOther("/customers/" + id + "#feeds", "feedRevoked");
    }
}
