package dev.allowlist.portal.notify;

import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import dev.allowlist.portal.system.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Notifications: partner admins' subscriptions (webhooks, e-mail), and every member's own digest. */
@RolesAllowed(PortalRoles.PARTNER_ADMIN)
@Path("/notifications")
public class NotificationResource {

    /**
     * What the notifications page shows: the member's own digest, and for a partner admin the
     * partner's subscriptions (with the names of the customers they follow) and the form to add one.
     */
    public record NotificationPage(boolean admin, List<Subscription> subscriptions, Map<Long, String> customers,
            MemberDigest digest, NotificationService.Form form, Map<String, String> errors) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(NotificationPage view);

        static native TemplateInstance secret(Subscription subscription, String secret);

        static native TemplateInstance deliveries(Subscription subscription, List<DeliveryAttempt> attempts);
    }

    @Inject
    NotificationService notifications;

    @Inject
    CurrentMember member;

    @Inject
    CustomerService customers;

    @Inject
    I18n i18n;

    @RolesAllowed(PortalRoles.CUSTOMER_READER)
    @GET
    public TemplateInstance page() {
        return page(NotificationService.Form.blank(), Map.of());
    }

    private TemplateInstance page(NotificationService.Form form, Map<String, String> errors) {
        boolean admin = member.may(PortalRoles.PARTNER_ADMIN);
        return Templates.page(new NotificationPage(admin, admin ? notifications.list() : List.of(),
                admin ? customers.names() : Map.of(), notifications.digest().orElse(null), form, errors));
    }

    @POST
    @Path("subscriptions")
    public Response create(@RestForm String kind, @RestForm String target, @RestForm String customerId,
            @RestForm boolean versionEvents, @RestForm boolean catalogEvents, @RestForm boolean checkEvents, @RestForm String pendingDays,
            @RestForm String staleFeedHours, @RestForm boolean slackFormat) {
        NotificationService.Form form = new NotificationService.Form(kind, target, customerId, versionEvents, catalogEvents, checkEvents,
                pendingDays, staleFeedHours, slackFormat);
        try {
            NotificationService.Created created = notifications.create(form);
            if (created.secret() != null) {
                return html(Templates.secret(created.subscription(), created.secret()));
            }
            return Redirects.seeOther("/notifications");
        } catch (InvalidInputException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(form, e.messages(i18n)).render()).build();
        }
    }

    @POST
    @Path("subscriptions/{id}/rotate")
    public Response rotate(@PathParam("id") long id) {
        String secret = notifications.rotate(id);
        return html(Templates.secret(notifications.subscription(id), secret));
    }

    @POST
    @Path("subscriptions/{id}/delete")
    public Response delete(@PathParam("id") long id) {
        notifications.delete(id);
        return Redirects.seeOther("/notifications");
    }

    @POST
    @Path("subscriptions/{id}/enable")
    public Response enable(@PathParam("id") long id) {
        notifications.enable(id);
        return Redirects.seeOther("/notifications");
    }

    @POST
    @Path("subscriptions/{id}/test")
    public Response test(@PathParam("id") long id) {
        notifications.test(id);
        return Redirects.seeOther("/notifications/subscriptions/" + id + "/deliveries");
    }

    @GET
    @Path("subscriptions/{id}/deliveries")
    public TemplateInstance deliveries(@PathParam("id") long id) {
        return Templates.deliveries(notifications.subscription(id), notifications.deliveries(id));
    }

    @RolesAllowed(PortalRoles.CUSTOMER_READER)
    @POST
    @Path("digest")
    public Response digest(@RestForm String frequency) {
        try {
            notifications.setDigest(frequency);
            return Redirects.seeOther("/notifications");
        } catch (InvalidInputException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(NotificationService.Form.blank(), e.messages(i18n)).render()).build();
        }
    }

    private static Response html(TemplateInstance page) {
        return Response.ok(page.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
