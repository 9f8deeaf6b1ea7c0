package dev.allowlist.portal.check;

import dev.allowlist.portal.allowlist.CurrentAllowlists;
import dev.allowlist.portal.check.core.FirewallLists;
import dev.allowlist.portal.check.core.ListFormat;
import dev.allowlist.portal.check.core.Reconciliation;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Attachments;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Paste (or upload) what the customer's firewall has now; the page answers what is missing, what a
 * broader entry covers, and what the firewall allows that no rule asks for, as a page or CSV.
 */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/customers/{id}/reconcile")
public class ReconcileResource {

    /**
     * What the reconciliation page shows: the form as typed (format, list, errors) and, once a list was
     * checked, the result against the allowlist version it was checked with.
     */
    public record ReconcilePage(long customerId, String customerName, List<String> formats, String format, String list,
            Reconciliation result, Integer version, Map<String, String> errors) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reconcile(ReconcilePage view);
    }

    @Inject
    CheckService checks;

    @Inject
    CurrentAllowlists current;

    @Inject
    I18n i18n;

    static List<String> formats() {
        return Arrays.stream(ListFormat.values()).map(ListFormat::id).toList();
    }

    @GET
    public TemplateInstance form(@PathParam("id") long id) {
        var snapshot = current.of(id).orElseThrow(NotFoundException::new);
        checks.lastReconciliation(id); // a reader's right to this customer, checked before the page
        return Templates.reconcile(new ReconcilePage(id, snapshot.customerName(), formats(), "auto", "", null, null, Map.of()));
    }

    @POST
    public Response reconcile(@PathParam("id") long id, @RestForm String list, @RestForm("file") FileUpload file,
            @RestForm String format, @RestForm String output) throws IOException {
        var snapshot = current.of(id).orElseThrow(NotFoundException::new);
        String text = list == null ? "" : list;
        if (file != null && file.uploadedFile() != null && Files.size(file.uploadedFile()) > 0) {
            if (Files.size(file.uploadedFile()) > FirewallLists.MAX_CHARACTERS) {
                throw InvalidInputException.of("file", "error.reconcile.unreadable", "file", "more than 2 MB");
            }
            text = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        }
        Reconciliation result;
        try {
            result = checks.reconcile(id, text, format);
        } catch (InvalidInputException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.reconcile(new ReconcilePage(id, snapshot.customerName(), formats(),
                            format == null ? "auto" : format, text, null, null, e.messages(i18n))).render()).build();
        }
        if ("csv".equals(output)) {
            return Response.ok(ReconciliationCsv.write(result), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", Attachments.named("reconciliation_" + id + ".csv")).build();
        }
        return Response.ok(Templates.reconcile(new ReconcilePage(id, snapshot.customerName(), formats(),
                format == null ? "auto" : format, text, result, snapshot.version(), Map.of())).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
