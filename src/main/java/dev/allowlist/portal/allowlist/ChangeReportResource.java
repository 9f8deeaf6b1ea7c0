package dev.allowlist.portal.allowlist;

import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import dev.allowlist.portal.web.Dates;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The partner-wide report: every customer whose allowlist changed in a period. */
@Path("/changes")
public class ChangeReportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance period(LocalDate from, LocalDate to, List<ChangeReports.CustomerChanges> customers);
    }

    public record PeriodJson(LocalDate from, LocalDate to, List<ChangeReports.CustomerChanges> customers) {
    }

    @Inject
    ChangeReports reports;

    @Inject
    CustomerService customers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] period = period(from, to);
        return Templates.period(period[0], period[1], reports.period(period[0], period[1], names()));
    }

    /** The same as JSON, for scripts. */
    @Path("/api/v1/changes")
    public static class Api {

        @Inject
        ChangeReports reports;

        @Inject
        CustomerService customers;

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public PeriodJson json(@QueryParam("from") String from, @QueryParam("to") String to) {
            LocalDate[] period = period(from, to);
            return new PeriodJson(period[0], period[1], reports.period(period[0], period[1], names(customers)));
        }
    }

    private Map<Long, String> names() {
        return names(customers);
    }

    static Map<Long, String> names(CustomerService customers) {
        return customers.names();
    }

    /** Default: the last 30 days up to today (UTC). */
    static LocalDate[] period(String from, String to) {
        LocalDate typedEnd = Dates.parse("to", to);
        LocalDate typedStart = Dates.parse("from", from);
        LocalDate end = typedEnd == null ? LocalDate.now(ZoneOffset.UTC) : typedEnd;
        LocalDate start = typedStart == null ? (end.isBefore(Dates.EARLIEST.plusDays(30)) ? Dates.EARLIEST : end.minusDays(30))
                : typedStart;
        Dates.checkPeriod(start, end);
        return new LocalDate[] { start, end };
    }
}
