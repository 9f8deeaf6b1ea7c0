package dev.allowlist.portal.importing.api;

import dev.allowlist.portal.importing.CustomerImportService;
import dev.allowlist.portal.importing.CustomerListFilesLimits;
import dev.allowlist.portal.importing.CustomerListResource;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /api/v1/customers/import}: a customer list (CSV or XLSX, as the body or a multipart
 * {@code file}); {@code dryRun=true} answers the preview and saves nothing, else it is applied
 * (every row, or {@code validOnly=true} the valid ones).
 */
@RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
@Path("/api/v1/customers/import")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerListApiResource {

    @Inject
    CustomerImportService imports;

    @POST
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, CustomerListResource.XLSX })
    public Object importBody(@QueryParam("dryRun") boolean dryRun, @QueryParam("validOnly") boolean validOnly,
            @QueryParam("fileName") String fileName, InputStream body) throws IOException {
        byte[] content = body.readNBytes((int) CustomerListFilesLimits.MAX_UPLOAD + 1);
        return run(fileName == null ? "customers" : fileName, content, dryRun, validOnly);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object importMultipart(@QueryParam("dryRun") boolean dryRun, @QueryParam("validOnly") boolean validOnly,
            @RestForm("file") FileUpload file) throws IOException {
        return run(file == null ? null : file.fileName(), CustomerListResource.read(file, CustomerListFilesLimits.MAX_UPLOAD),
                dryRun, validOnly);
    }

    private Object run(String fileName, byte[] content, boolean dryRun, boolean validOnly) {
        if (content.length > CustomerListFilesLimits.MAX_UPLOAD) {
            throw InvalidInputException.of("file", "error.import.tooLarge",
                    CustomerListFilesLimits.MAX_UPLOAD / (1024 * 1024));
        }
        return dryRun ? imports.dryRun(fileName, content) : imports.importNow(fileName, content, validOnly);
    }
}
