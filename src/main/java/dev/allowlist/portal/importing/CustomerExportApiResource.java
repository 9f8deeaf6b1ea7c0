package dev.allowlist.portal.importing;

import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.web.I18n;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code GET /api/v1/customers/export?format=csv|xlsx}: the customer list with the columns the import reads. */
@Path("/api/v1/customers/export")
public class CustomerExportApiResource {

    @Inject
    CurrentMember member;

    @Inject
    I18n i18n;

    @GET
    @Produces({ "text/csv", CustomerListResource.XLSX })
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response export(@QueryParam("format") String format) {
        member.requireCustomerReader();
        List<List<String>> rows = CustomerListResource.rows();
        List<String> header = CustomerListFiles.header(i18n::t);
        return "xlsx".equals(format)
                ? CustomerListResource.file(CustomerListFiles.xlsx(header, rows, List.of()), CustomerListResource.XLSX, "customers.xlsx")
                : CustomerListResource.file(CustomerListFiles.csv(header, rows, List.of()), "text/csv; charset=UTF-8", "customers.csv");
    }
}
