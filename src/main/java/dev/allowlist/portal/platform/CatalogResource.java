package dev.allowlist.portal.platform;

import dev.allowlist.portal.catalog.CatalogPublication;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.partner.PartnerDirectory;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Attachments;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import dev.allowlist.portal.system.Redirects;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Platform admins: the rule catalog versions, uploading and previewing one, publishing it. */
@RolesAllowed(PortalRoles.PLATFORM_ADMIN)
@Path("/platform/catalogs")
@Produces(MediaType.TEXT_HTML)
public class CatalogResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalogs(List<CatalogService.Summary> versions, List<CatalogPublication> runs,
                Map<String, String> errors);

        static native TemplateInstance preview(CatalogPublisher.Preview preview, Map<String, String> partnerNames);

        static native TemplateInstance confirmPublish(CatalogPublisher.Preview preview);

        static native TemplateInstance publication(CatalogPublication run);
    }

    @Inject
    CatalogService catalogs;

    @Inject
    CatalogPublisher publisher;

    @Inject
    I18n i18n;

    @Inject
    PartnerDirectory partners;

    @GET
    public TemplateInstance list() {
        return Templates.catalogs(catalogs.list(), publisher.publications(), Map.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file) throws IOException {
        try {
            if (file == null || file.uploadedFile() == null || file.size() == 0) {
                throw InvalidInputException.of("file", "error.catalogMissing");
            }
            if (file.size() > 5 * 1024 * 1024) {
                throw InvalidInputException.of("file", "error.catalog", "larger than 5 MB");
            }
            String id = catalogs.store(Files.readString(file.uploadedFile(), StandardCharsets.UTF_8));
            return Redirects.seeOther("/platform/catalogs/" + id);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.catalogs(catalogs.list(), publisher.publications(), e.messages(i18n)))
                    .build();
        } catch (MalformedInputException e) {
            return Response.status(400).entity(Templates.catalogs(catalogs.list(), publisher.publications(),
                    Map.of("file", i18n.msg().error_catalog("not UTF-8 text")))).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance preview(@PathParam("id") String id) {
        CatalogPublisher.Preview preview = publisher.preview(id);
        Map<String, String> names = new java.util.HashMap<>();
        preview.samples().forEach(sample -> names.put(sample.partnerId(), partners.displayName(sample.partnerId()).orElse(sample.partnerId())));
        return Templates.preview(preview, names);
    }

    /** What publishing changes, stated once more before the button that does it. */
    @GET
    @Path("{id}/publish")
    public TemplateInstance confirmPublish(@PathParam("id") String id) {
        return Templates.confirmPublish(publisher.preview(id));
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.APPLICATION_JSON)
    public Response content(@PathParam("id") String id) {
        String content = catalogs.content(id).orElseThrow(NotFoundException::new);
        return Response.ok(content, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", Attachments.named(id + ".json")).build();
    }

    @POST
    @Path("{id}/publish")
    public Response publish(@PathParam("id") String id) {
        long run = publisher.publish(id);
        return Redirects.seeOther("/platform/catalogs/publications/" + run);
    }

    @GET
    @Path("publications/{run}")
    public TemplateInstance publication(@PathParam("run") long run) {
        return Templates.publication(publisher.publication(run));
    }
}
