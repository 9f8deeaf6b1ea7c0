package dev.allowlist.portal.notify;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An e-mail's unsubscribe link: no login, the token is the credential. The page asks (a GET changes
 * nothing); a POST, from its button or from a mail client's one-click unsubscribe (RFC 8058), stops
 * that subscription.
 */
@PermitAll
@Path("/notifications/unsubscribe")
public class UnsubscribeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(String token, boolean done);
    }

    @Inject
    NotificationService notifications;

    @GET
    @Path("{token}")
    public TemplateInstance ask(@PathParam("token") String token) {
        return Templates.unsubscribe(token, false);
    }

    @POST
    @Path("{token}")
    public Response unsubscribe(@PathParam("token") String token) {
        if (!notifications.unsubscribe(token)) {
            return Response.status(404).build();
        }
        return Response.ok(Templates.unsubscribe(token, true).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
