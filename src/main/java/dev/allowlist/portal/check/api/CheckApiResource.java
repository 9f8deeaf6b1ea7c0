package dev.allowlist.portal.check.api;

import dev.allowlist.portal.check.CheckService;
import dev.allowlist.portal.partner.PortalRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/customers/{id}/checks}: the latest check report with its hosts, and the ones before. */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/api/v1/customers/{id}/checks")
@Produces(MediaType.APPLICATION_JSON)
public class CheckApiResource {

    @Inject
    CheckService checks;

    public record ChecksJson(CheckService.RunView latest, List<CheckService.RunView> history) {
    }

    @GET
    public ChecksJson checks(@PathParam("id") long id) {
        return new ChecksJson(checks.latest(id).orElse(null), checks.history(id, 20));
    }
}
