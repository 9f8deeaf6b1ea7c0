package dev.allowlist.portal.platform;

import dev.allowlist.portal.partner.Partner;
import dev.allowlist.portal.partner.PartnerRepository;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Flash;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Platform administration: registering, renaming, disabling and enabling partners. */
@RolesAllowed(PortalRoles.PLATFORM_ADMIN)
@Path("/platform/partners")
@Produces(MediaType.TEXT_HTML)
public class PlatformResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance partners(List<PartnerRepository.Activity> partners, Map<String, String> errors,
                String slug, String displayName, boolean registered, String renaming);
    }

    @Inject
    PartnerService service;

    @Inject
    I18n i18n;

    @GET
    public TemplateInstance partners(@QueryParam("registered") boolean registered) {
        return Templates.partners(service.activity(), Map.of(), "", "", registered, null);
    }

    @POST
    public Object register(@RestForm String slug, @RestForm String displayName) {
        try {
            service.register(slug, displayName);
            return Redirects.seeOther("/platform/partners?registered=true");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.partners(service.activity(), e.messages(i18n), slug, displayName,
                    false, null)).build();
        }
    }

    /** A partner's new display name; the list again with the error and the typed name when it is refused. */
    @POST
    @Path("{slug}")
    public Response rename(@PathParam("slug") String slug, @RestForm String displayName) {
        try {
            Partner partner = service.rename(slug, displayName);
            return Flash.seeOther("/platform/partners", "partnerRenamed", partner.id, partner.displayName);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.partners(service.activity(), e.messages(i18n), "", displayName,
                    false, slug)).build();
        }
    }

    @POST
    @Path("{slug}/disable")
    public Response disable(@PathParam("slug") String slug) {
        return Flash.seeOther("/platform/partners", "partnerDisabled", service.setEnabled(slug, false).id);
    }

    @POST
    @Path("{slug}/enable")
    public Response enable(@PathParam("slug") String slug) {
        return Flash.seeOther("/platform/partners", "partnerEnabled", service.setEnabled(slug, true).id);
    }
}
