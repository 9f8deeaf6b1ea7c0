package dev.allowlist.portal.customer.page;

import dev.allowlist.portal.allowlist.AllowlistSnapshot;
import dev.allowlist.portal.allowlist.ChangeReports;
import dev.allowlist.portal.allowlist.CurrentAllowlists;
import dev.allowlist.portal.allowlist.core.ChangeReport;
import dev.allowlist.portal.allowlist.core.ChangeReportCsv;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Attachments;
import dev.allowlist.portal.system.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** A customer's change report as a work order (HTML and CSV), and marking a version applied. */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/customers/{id}")
@Produces(MediaType.TEXT_HTML)
public class CustomerChangesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance changes(CustomerResource.CustomerName customer, ChangeReport report, int applied,
                int latest, String csvQuery, List<ChangeReports.Version> versions, List<ChangeReports.Version> between,
                boolean mayReadAudit);
    }

    @Inject
    CustomerService customers;

    @Inject
    CurrentAllowlists current;

    @Inject
    ChangeReports changeReports;

    @Inject
    CurrentMember member;

    /** The change report: from the applied version (or ?from=) to the latest (or ?to=). */
    @GET
    @Path("changes")
    public TemplateInstance changes(@PathParam("id") long id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        AllowlistSnapshot snapshot = current.of(id).orElseThrow(NotFoundException::new);
        ChangeReport report = changeReports.report(id, from, to, snapshot.applied());
        List<ChangeReports.Version> versions = changeReports.versions(id);
        int low = Math.min(report.from(), report.to());
        int high = Math.max(report.from(), report.to());
        List<ChangeReports.Version> between = versions.stream().filter(v -> v.number() > low && v.number() <= high)
                .sorted(java.util.Comparator.comparingInt(ChangeReports.Version::number)).toList();
        return Templates.changes(new CustomerResource.CustomerName(snapshot.customerId(), snapshot.customerName()), report,
                snapshot.applied(), snapshot.version(), "from=" + report.from() + "&to=" + report.to(), versions, between,
                member.may(PortalRoles.AUDIT_READER));
    }

    @GET
    @Path("changes.csv")
    @Produces("text/csv")
    public Response changesCsv(@PathParam("id") long id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        Customer customer = customers.find(id).orElseThrow(NotFoundException::new);
        ChangeReport report = changeReports.report(id, from, to);
        return Response.ok(ChangeReportCsv.write(report), "text/csv; charset=UTF-8")
                .header("Content-Disposition",
                        Attachments.named("changes_" + customer.id + "_v" + report.from() + "-v" + report.to() + ".csv"))
                .build();
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("applied")
    public Response markApplied(@PathParam("id") long id, @RestForm Integer version) {
        customers.find(id).orElseThrow(NotFoundException::new);
        changeReports.markApplied(id, version == null ? -1 : version);
        return Flash.seeOther("/customers/" + id + "#summary", "applied", version);
    }
}
