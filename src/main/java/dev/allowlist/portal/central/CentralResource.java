package dev.allowlist.portal.central;

import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Flash;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The Sophos Central integration page: connect with an API credential, run a sync, preview what it would
 * change, apply it, choose to apply later syncs automatically, disconnect (docs/sophos-central.md).
 */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/integrations/central")
public class CentralResource {

    private static final String HERE = "/integrations/central";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Optional<CentralService.View> connection, Map<String, String> errors,
                String clientId, boolean mayAdminister, boolean mayEdit);

        static native TemplateInstance preview(CentralService.Preview preview, boolean changedSincePreview, boolean mayEdit);
    }

    @Inject
    CentralService service;

    @Inject
    CentralSync sync;

    @Inject
    CurrentMember member;

    @Inject
    I18n i18n;

    @GET
    public TemplateInstance page() {
        return page(Map.of(), "");
    }

    private TemplateInstance page(Map<String, String> errors, String clientId) {
        return Templates.page(service.view(), errors, clientId, member.may(PortalRoles.PARTNER_ADMIN),
                member.may(PortalRoles.CUSTOMER_EDITOR));
    }

    @RolesAllowed(PortalRoles.PARTNER_ADMIN)
    @POST
    @Path("connect")
    public Response connect(@RestForm String clientId, @RestForm String clientSecret) {
        try {
            service.connect(clientId, clientSecret);
        } catch (InvalidInputException e) {
            // the secret is never sent back: the form asks for it again
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(e.messages(i18n), clientId == null ? "" : clientId.strip()).render()).build();
        }
        return Flash.seeOther(HERE, "centralConnected");
    }

    @RolesAllowed(PortalRoles.PARTNER_ADMIN)
    @POST
    @Path("disconnect")
    public Response disconnect() {
        service.disconnect();
        return Flash.seeOther(HERE, "centralDisconnected");
    }

    @RolesAllowed(PortalRoles.PARTNER_ADMIN)
    @POST
    @Path("auto-apply")
    public Response autoApply(@RestForm boolean autoApply) {
        try {
            service.setAutoApply(autoApply);
        } catch (InvalidInputException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(e.messages(i18n), "").render()).build();
        }
        return Flash.seeOther(HERE, autoApply ? "centralAutoOn" : "centralAutoOff");
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("sync")
    public Response sync() {
        return switch (sync.start()) {
            case STARTED -> Flash.seeOther(HERE, "centralSyncStarted");
            case ALREADY_RUNNING -> Flash.seeOther(HERE, "centralSyncRunning");
            case WAITING -> Flash.seeOther(HERE, "centralSyncWaiting");
            case REFUSED -> Flash.seeOther(HERE, "centralSyncRefused");
        };
    }

    @GET
    @Path("preview")
    public TemplateInstance preview() {
        return Templates.preview(service.preview(), false, member.may(PortalRoles.CUSTOMER_EDITOR));
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("apply")
    public Response apply(@RestForm String fingerprint) {
        try {
            CentralService.Applied applied = service.apply(fingerprint == null ? "" : fingerprint);
            return Flash.seeOther("/customers", "centralApplied", applied.created(), applied.updated(), applied.unchanged(),
                    applied.skipped());
        } catch (CentralService.PlanChanged e) {
            return Response.status(409).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.preview(service.preview(), true, true).render()).build();
        }
    }
}
