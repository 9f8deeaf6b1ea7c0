package dev.allowlist.portal.importing.api;

import dev.allowlist.portal.importing.InstallerLogBatchResource;
import dev.allowlist.portal.importing.InstallerLogBatchService;
import dev.allowlist.portal.partner.PortalRoles;
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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /api/v1/installer-logs}: many installer logs at once (multipart {@code file} parts, or a
 * ZIP as the body), matched by folder or file name, for an RMM script that pushes them nightly.
 */
@RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
@Path("/api/v1/installer-logs")
@Produces(MediaType.APPLICATION_JSON)
public class InstallerLogBatchApiResource {

    public record BatchJson(String batch, List<InstallerLogBatchService.FileView> files) {
    }

    /** A ZIP larger than this is refused whole (its entries are bounded again one by one). */
    static final int MAX_BODY = 256 * 1024 * 1024;

    @Inject
    InstallerLogBatchService batches;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public BatchJson multipart(@RestForm("file") List<FileUpload> files) throws IOException {
        String batch = batches.ingest(InstallerLogBatchResource.uploads(files));
        return new BatchJson(batch, batches.files(batch));
    }

    @POST
    @Consumes({ "application/zip", MediaType.APPLICATION_OCTET_STREAM })
    public BatchJson zip(@QueryParam("fileName") String fileName, InputStream body) throws IOException {
        byte[] content = body.readNBytes(MAX_BODY);
        String batch = batches.ingest(List.of(new InstallerLogBatchService.Upload(fileName == null ? "logs.zip" : fileName,
                content)));
        return new BatchJson(batch, batches.files(batch));
    }
}
