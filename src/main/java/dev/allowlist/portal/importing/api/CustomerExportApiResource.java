package dev.allowlist.portal.importing.api;

import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.importing.CustomerListFiles;
import dev.allowlist.portal.importing.CustomerListResource;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.I18n;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code GET /api/v1/customers/export?format=csv|xlsx}: the customer list with the columns the import reads. */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/api/v1/customers/export")
public class CustomerExportApiResource {

    @Inject
    I18n i18n;

    @Inject
    CustomerService customers;

    @GET
    @Produces({ "text/csv", CustomerListResource.XLSX })
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response export(@QueryParam("format") String format) {
        List<List<String>> rows = CustomerListResource.rows(customers);
        List<String> header = CustomerListFiles.header(i18n::message);
        return "xlsx".equals(format)
                ? CustomerListResource.file(CustomerListFiles.xlsx(header, rows, List.of()), CustomerListResource.XLSX, "customers.xlsx")
                : CustomerListResource.file(CustomerListFiles.csv(header, rows, List.of()), "text/csv; charset=UTF-8", "customers.csv");
    }
}
