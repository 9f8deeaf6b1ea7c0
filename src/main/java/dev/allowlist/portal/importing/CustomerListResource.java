package dev.allowlist.portal.importing;

import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Attachments;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The customer list as a spreadsheet: import (preview, then apply), its template, and the export. */
@RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
@Path("/customer-lists")
public class CustomerListResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance importForm(Map<String, String> errors);

        static native TemplateInstance preview(CustomerImportService.Preview preview);

        static native TemplateInstance applied(CustomerImportService.Applied applied, String fileName);
    }

    @Inject
    CustomerImportService imports;

    @Inject
    I18n i18n;

    @Inject
    CustomerService customers;

    @GET
    @Path("import")
    public TemplateInstance form() {
        return Templates.importForm(Map.of());
    }

    @POST
    @Path("import")
    public Response preview(@RestForm("file") FileUpload file) throws IOException {
        byte[] content = read(file, CustomerListFilesLimits.MAX_UPLOAD);
        try {
            CustomerImportService.Preview preview = imports.preview(file == null ? null : file.fileName(), content);
            return Response.ok(Templates.preview(preview).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        } catch (InvalidInputException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.importForm(e.messages(i18n)).render()).build();
        }
    }

    @POST
    @Path("import/{id}/apply")
    public TemplateInstance apply(@PathParam("id") long id, @RestForm boolean validOnly) {
        CustomerImportService.Applied applied = imports.apply(id, validOnly);
        return Templates.applied(applied, imports.previewOf(id).fileName());
    }

    @Authenticated
    @GET
    @Path("template.csv")
    public Response templateCsv() {
        return file(CustomerListFiles.csv(CustomerListFiles.header(i18n::message), List.of(CustomerListFiles.example()),
                CustomerListFiles.allowed(i18n::message)), "text/csv; charset=UTF-8", "customers-template.csv");
    }

    @Authenticated
    @GET
    @Path("template.xlsx")
    public Response templateXlsx() {
        return file(CustomerListFiles.xlsx(CustomerListFiles.header(i18n::message), List.of(CustomerListFiles.example()),
                CustomerListFiles.allowed(i18n::message)), XLSX, "customers-template.xlsx");
    }

    @RolesAllowed(PortalRoles.CUSTOMER_READER)
    @GET
    @Path("export.csv")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response exportCsv() {
        return file(CustomerListFiles.csv(CustomerListFiles.header(i18n::message), rows(customers), List.of()), "text/csv; charset=UTF-8",
                "customers.csv");
    }

    @RolesAllowed(PortalRoles.CUSTOMER_READER)
    @GET
    @Path("export.xlsx")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response exportXlsx() {
        return file(CustomerListFiles.xlsx(CustomerListFiles.header(i18n::message), rows(customers), List.of()), XLSX, "customers.xlsx");
    }

    public static List<List<String>> rows(CustomerService customers) {
        return customers.all().stream().map(CustomerListFiles::row).toList();
    }

    public static Response file(byte[] content, String type, String name) {
        return Response.ok(content, type).header("Content-Disposition", Attachments.named(name)).build();
    }

    public static byte[] read(FileUpload file, long max) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            throw InvalidInputException.of("file", "error.import.empty");
        }
        if (Files.size(file.uploadedFile()) > max) {
            throw InvalidInputException.of("file", "error.import.tooLarge", max / (1024 * 1024));
        }
        return Files.readAllBytes(file.uploadedFile());
    }
}
