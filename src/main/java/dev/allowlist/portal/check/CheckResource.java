package dev.allowlist.portal.check;

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
import java.io.IOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The customer page's checks: report URLs (check tokens) and uploading an offline run's report. */
@RolesAllowed(PortalRoles.PARTNER_ADMIN)
@Path("/customers/{id}/checks")
public class CheckResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokenCreated(long customerId, String url);
    }

    @Inject
    CheckService checks;

    @Inject
    PortalConfig config;

    @POST
    @Path("tokens")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance createToken(@PathParam("id") long id) {
        // shown once, now: only the hash is kept, so a redirect could not show it again
        return Templates.tokenCreated(id, config.publicUrl().replaceAll("/+$", "") + "/checks/" + checks.createToken(id));
    }

    @POST
    @Path("tokens/{tokenId}/revoke")
    public Response revokeToken(@PathParam("id") long id, @PathParam("tokenId") long tokenId) {
        checks.revokeToken(id, tokenId);
        return Flash.seeOther("/customers/" + id + "#checks", "tokenRevoked");
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("upload")
    public Response upload(@PathParam("id") long id, @RestForm("file") FileUpload file) throws IOException {
        byte[] body = new byte[0];
        if (file != null && file.uploadedFile() != null) {
            try (var in = Files.newInputStream(file.uploadedFile())) {
                body = in.readNBytes(CheckService.MAX_REPORT_BYTES + 1); // the service names a larger one
            }
        }
        checks.upload(id, body);
        return Flash.seeOther("/customers/" + id + "#checks", "checkUploaded");
    }
}
