package dev.allowlist.portal.importing;

import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Many installer logs in one upload (files or a ZIP), and the batch's result with a picker for what did not match. */
@RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
@Path("/installer-logs")
public class InstallerLogBatchResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance batchForm();

        static native TemplateInstance batch(String batch, List<InstallerLogBatchService.FileView> files,
                Map<Long, String> customers);
    }

    @Inject
    InstallerLogBatchService batches;

    @Inject
    CustomerService customers;

    @GET
    @Path("batch")
    public TemplateInstance form() {
        return Templates.batchForm();
    }

    @POST
    @Path("batch")
    public Response upload(@RestForm("file") List<FileUpload> files) throws IOException {
        String batch = batches.ingest(uploads(files));
        return Redirects.seeOther("/installer-logs/batch/" + batch);
    }

    @RolesAllowed(PortalRoles.CUSTOMER_READER)
    @GET
    @Path("batch/{batch}")
    public TemplateInstance batch(@PathParam("batch") String batch) {
        return Templates.batch(batch, batches.files(batch), customers.names());
    }

    @POST
    @Path("batch/{batch}/files/{fileId}/assign")
    public Response assign(@PathParam("batch") String batch, @PathParam("fileId") long fileId, @RestForm long customerId) {
        batches.assign(batch, fileId, customerId);
        return Redirects.seeOther("/installer-logs/batch/" + batch);
    }

    public static List<InstallerLogBatchService.Upload> uploads(List<FileUpload> files) throws IOException {
        List<InstallerLogBatchService.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (FileUpload f : files) {
                if (f.uploadedFile() != null && Files.size(f.uploadedFile()) > 0) {
                    uploads.add(new InstallerLogBatchService.Upload(f.fileName(), Files.readAllBytes(f.uploadedFile())));
                }
            }
        }
        return uploads;
    }
}
