package dev.allowlist.portal.customer.page;

import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.customer.McsHost;
import dev.allowlist.portal.customer.core.HostAddition;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Flash;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import dev.allowlist.portal.system.Redirects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** A customer's MCS hosts, typed on its page: add some, remove one. */
@RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
@Path("/customers/{id}")
@Produces(MediaType.TEXT_HTML)
public class McsHostResource {

    @Inject
    CustomerService customers;

    @Inject
    I18n i18n;

    @Inject
    CustomerPage page;

    @POST
    @Path("hosts")
    public Response addHosts(@PathParam("id") long id, @RestForm String hosts) {
        List<String> values = hosts == null ? List.of()
                : Arrays.stream(hosts.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            HostAddition result = customers.addHosts(id, values, McsHost.Source.TYPED);
            String outside = URLEncoder.encode(String.join(",", result.outsideVendorDomains()), StandardCharsets.UTF_8);
            return Redirects.seeOther("/customers/" + id + "?added=" + result.added().size() + "&known="
                    + result.alreadyKnown().size() + (outside.isEmpty() ? "" : "&outside=" + outside) + "#hosts");
        } catch (InvalidInputException e) {
            Customer customer = customers.detail(id).orElseThrow(NotFoundException::new);
            return Response.status(400).entity(page.render(customer, null, e.messages(i18n), hosts)).build();
        }
    }

    @POST
    @Path("hosts/{hostId}/delete")
    public Response removeHost(@PathParam("id") long id, @PathParam("hostId") long hostId) {
        customers.removeHost(id, hostId);
        return Flash.seeOther("/customers/" + id + "#hosts", "hostRemoved");
    }
}
