package dev.allowlist.portal.web;

import dev.allowlist.portal.check.CheckService;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.notify.NotificationService;
import dev.allowlist.portal.notify.Subscription;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.NotRegisteredException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The start page: the partner's customers at a glance, or the platform admin's tools. */
@Authenticated
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(CustomerService.CustomerPage recent,
                List<CheckService.Attention> attention,
                List<Subscription> disabledEndpoints);
    }

    @Inject
    CurrentMember member;

    @Inject
    CustomerService customers;

    @Inject
    CheckService checks;

    @Inject
    NotificationService notifications;

    @GET
    public TemplateInstance dashboard() {
        if (member.status() == CurrentMember.Status.NOT_REGISTERED) {
            throw new NotRegisteredException();
        }
        return member.isPartnerMember() ? Templates.dashboard(customers.list("", 1), checks.attention(), notifications.disabled())
                : Templates.dashboard(null, List.of(), List.of());
    }
}
