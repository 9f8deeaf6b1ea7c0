package dev.allowlist.portal.web;

import dev.allowlist.portal.allowlist.WorkQueue;
import dev.allowlist.portal.check.CheckService;
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

/** The start page: the partner's work queue, or the platform admin's tools. */
@Authenticated
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(WorkQueue.Queue queue,
                List<CheckService.Attention> attention,
                List<Subscription> disabledEndpoints);
    }

    @Inject
    CurrentMember member;

    @Inject
    Dashboards dashboards;

    @GET
    public TemplateInstance dashboard() {
        if (member.status() == CurrentMember.Status.NOT_REGISTERED) {
            throw new NotRegisteredException();
        }
        if (!member.isPartnerMember()) {
            return Templates.dashboard(null, List.of(), List.of());
        }
        Dashboards.View view = dashboards.current();
        return Templates.dashboard(view.queue(), view.attention(), view.disabledEndpoints());
    }
}
