package dev.allowlist.portal.allowlist.api;

import dev.allowlist.portal.allowlist.ChangeReportResource;
import dev.allowlist.portal.allowlist.ChangeReports;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.partner.PortalRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/** The partner-wide change report as JSON, for scripts: every customer whose allowlist changed in a period. */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/api/v1/changes")
public class ChangeReportApiResource {

    public record PeriodJson(LocalDate from, LocalDate to, List<ChangeReports.CustomerChanges> customers) {
    }

    @Inject
    ChangeReports reports;

    @Inject
    CustomerService customers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PeriodJson json(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] period = ChangeReportResource.period(from, to);
        return new PeriodJson(period[0], period[1],
                reports.period(period[0], period[1], customers.names()));
    }
}
