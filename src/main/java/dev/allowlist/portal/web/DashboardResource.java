package dev.allowlist.portal.web;

import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.NotRegisteredException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The start page: the partner's customers at a glance, or the platform admin's tools. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(CustomerService.CustomerPage recent,
                java.util.List<dev.allowlist.portal.check.CheckService.Attention> attention,
                java.util.List<dev.allowlist.portal.notify.Subscription> disabledEndpoints);
    }

    @Inject
    CurrentMember member;

    @Inject
    CustomerService customers;

    @Inject
    dev.allowlist.portal.check.CheckService checks;

    @Inject
    dev.allowlist.portal.notify.NotificationService notifications;

    @GET
    public TemplateInstance dashboard() {
        if (member.status() == CurrentMember.Status.NOT_REGISTERED) {
            throw new NotRegisteredException();
        }
        return member.isPartnerMember() ? Templates.dashboard(customers.list("", 1), checks.attention(), notifications.disabled())
                : Templates.dashboard(null, java.util.List.of(), java.util.List.of());
    }
}
