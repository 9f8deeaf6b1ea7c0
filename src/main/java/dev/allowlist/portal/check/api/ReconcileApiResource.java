package dev.allowlist.portal.check.api;

import dev.allowlist.portal.check.CheckService;
import dev.allowlist.portal.check.core.Reconciliation;
import dev.allowlist.portal.partner.PortalRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code POST /api/v1/customers/{id}/reconcile}: a firewall's configuration against the allowlist, as JSON. */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/api/v1/customers/{id}/reconcile")
@Produces(MediaType.APPLICATION_JSON)
public class ReconcileApiResource {

    @Inject
    CheckService checks;

    /** The reconciliation's JSON: the counts, then every required and firewall entry with its status. */
    public record ReconciliationJson(String format, long missing, long covered, long broader, long extra,
            List<Reconciliation.Required> required, List<Reconciliation.Found> firewall, List<String> skipped) {
    }

    @POST
    @Consumes({ MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "text/csv", "application/xml", "text/xml",
            MediaType.APPLICATION_JSON, MediaType.WILDCARD })
    public ReconciliationJson reconcile(@PathParam("id") long id, @QueryParam("format") String format, String body) {
        Reconciliation r = checks.reconcile(id, body, format);
        return new ReconciliationJson(r.format().id(), r.missing(), r.covered(), r.broader(), r.extra(), r.required(),
                r.firewall(), r.skipped());
    }
}
