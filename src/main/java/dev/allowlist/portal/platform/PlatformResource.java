package dev.allowlist.portal.platform;

import dev.allowlist.portal.partner.Partner;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import dev.allowlist.portal.system.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Platform administration: registering partners. */
@RolesAllowed(PortalRoles.PLATFORM_ADMIN)
@Path("/platform/partners")
@Produces(MediaType.TEXT_HTML)
public class PlatformResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance partners(List<Partner> partners, Map<String, String> errors, String slug,
                String displayName, boolean registered);
    }

    @Inject
    PartnerService service;

    @Inject
    I18n i18n;

    @GET
    public TemplateInstance partners(@QueryParam("registered") boolean registered) {
        return Templates.partners(service.list(), Map.of(), "", "", registered);
    }

    @POST
    public Object register(@RestForm String slug, @RestForm String displayName) {
        try {
            service.register(slug, displayName);
            return Redirects.seeOther("/platform/partners?registered=true");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.partners(service.list(), e.messages(i18n), slug, displayName, false))
                    .build();
        }
    }
}
