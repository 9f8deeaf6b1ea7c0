package dev.allowlist.portal.allowlist;

import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Dates;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The partner-wide report: every customer whose allowlist changed in a period. */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/changes")
public class ChangeReportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance period(LocalDate from, LocalDate to, List<ChangeReports.CustomerChanges> customers);
    }

    @Inject
    ChangeReports reports;

    @Inject
    CustomerService customers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] period = period(from, to);
        return Templates.period(period[0], period[1], reports.period(period[0], period[1], customers.names()));
    }

    /** Default: the last 30 days up to today (UTC). */
    public static LocalDate[] period(String from, String to) {
        LocalDate typedEnd = Dates.parse("to", to);
        LocalDate typedStart = Dates.parse("from", from);
        LocalDate end = typedEnd == null ? LocalDate.now(ZoneOffset.UTC) : typedEnd;
        LocalDate start = typedStart == null ? (end.isBefore(Dates.EARLIEST.plusDays(30)) ? Dates.EARLIEST : end.minusDays(30))
                : typedStart;
        Dates.checkPeriod(start, end);
        return new LocalDate[] { start, end };
    }
}
