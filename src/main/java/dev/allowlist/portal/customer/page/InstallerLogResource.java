package dev.allowlist.portal.customer.page;

import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.customer.InstallerLogService;
import dev.allowlist.portal.customer.InstallerLogUpload;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Flash;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A customer's installer logs: upload one from its page, and read what an upload found. */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/customers/{id}")
@Produces(MediaType.TEXT_HTML)
public class InstallerLogResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(Customer customer, InstallerLogUpload upload,
                InstallerLogService.Outcome outcome, boolean repeated);
    }

    @Inject
    CustomerService customers;

    @Inject
    InstallerLogService installerLogs;

    @Inject
    I18n i18n;

    @Inject
    CustomerPage page;

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("installer-logs")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadInstallerLog(@PathParam("id") long id, @RestForm("file") FileUpload file) throws IOException {
        try {
            InstallerLogService.Ingested ingested = installerLogs.ingest(id, file == null ? null : file.fileName(),
                    file == null ? null : file.uploadedFile());
            return Flash.seeOther("/customers/" + id + "/installer-logs/" + ingested.upload().id
                    + (ingested.repeated() ? "?repeated=true" : ""), "uploaded", ingested.upload().fileName);
        } catch (InvalidInputException e) {
            Customer customer = customers.detail(id).orElseThrow(NotFoundException::new);
            return Response.status(400).entity(page.render(customer, null, e.messages(i18n), "")).build();
        }
    }

    @GET
    @Path("installer-logs/{uploadId}")
    public TemplateInstance installerLog(@PathParam("id") long id, @PathParam("uploadId") long uploadId,
            @QueryParam("repeated") boolean repeated) {
        Customer customer = customers.find(id).orElseThrow(NotFoundException::new);
        InstallerLogUpload upload = installerLogs.find(id, uploadId).orElseThrow(NotFoundException::new);
        return Templates.upload(customer, upload, installerLogs.outcome(upload), repeated);
    }
}
