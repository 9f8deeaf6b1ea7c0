package dev.allowlist.portal.customer.page;

import dev.allowlist.portal.allowlist.AllowlistView;
import dev.allowlist.portal.allowlist.ChangeReports;
import dev.allowlist.portal.allowlist.CurrentAllowlists;
import dev.allowlist.portal.audit.AuditHistory;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.catalog.core.DataRegions;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerFilter;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.customer.StaleVersionException;
import dev.allowlist.portal.customer.core.FirewallProduct;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Flash;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import dev.allowlist.portal.system.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Customer pages: list, create, edit, delete, detail with licenses, MCS hosts and the allowlist. */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/customers")
@Produces(MediaType.TEXT_HTML)
public class CustomerResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(CustomerService.CustomerPage page, List<DataRegions.DataRegion> regions,
                List<License> licenses, List<FirewallProduct> products);

        static native TemplateInstance form(CustomerForm form, Map<String, String> errors, List<RegionOption> knownRegions,
                List<License> licenses, List<FirewallProduct> products, String problem);

        /** The allowlist part of the customer page: the same for every visit until the allowlist changes. */
        static native TemplateInstance allowlistSection(AllowlistView allowlist);

        static native TemplateInstance detail(CustomerDetail view);

        static native TemplateInstance confirmDelete(Customer customer);

        static native TemplateInstance history(CustomerName customer, AuditHistory.Page page, Map<Long, String> names);
    }

    /** What a page about one customer needs of it besides its own content. */
    public record CustomerName(long id, String name) {
    }

    /** What the last host addition did, carried through the redirect. */
    public record HostNotice(int added, int known, List<String> outside) {
    }

    /** The customer form's fields as posted. */
    public static class FormFields {
        @RestForm
        public String name;
        @RestForm
        public String externalReference;
        @RestForm
        public String notes;
        @RestForm
        public List<String> licenses;
        @RestForm
        public List<String> regions;
        @RestForm
        public String otherRegions;
        @RestForm
        public boolean wildcardSupport;
        @RestForm
        public boolean usesActiveDirectory;
        @RestForm
        public boolean tlsInspection;
        @RestForm
        public boolean applicationFiltering;
        @RestForm
        public boolean narrowHydra;
        @RestForm
        public String firewallProduct;
        @RestForm
        public Integer version;
    }

    @Inject
    CustomerPage page;

    @Inject
    CustomerService customers;

    @Inject
    CurrentAllowlists current;

    @Inject
    CatalogService catalogs;

    @Inject
    I18n i18n;

    @Inject
    AuditHistory audit;

    @Inject
    ChangeReports changeReports;

    @GET
    public TemplateInstance list(@QueryParam("q") String search, @QueryParam("region") String region,
            @QueryParam("license") String license, @QueryParam("product") String product, @QueryParam("state") String state,
            @QueryParam("sort") String sort, @QueryParam("page") @DefaultValue("1") int page) {
        return Templates.list(customers.list(CustomerFilter.of(search, region, license, product, state, sort), page),
                DataRegions.all(), List.of(License.values()), List.of(FirewallProduct.values()));
    }

    /** The customers chosen on the list: each one's newest version marked applied, all or none. */
    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("applied")
    public Response markSelectedApplied(@RestForm List<Long> ids, @RestForm String back) {
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of("ids", "error.selection");
        }
        ids.forEach(id -> customers.find(id).orElseThrow(NotFoundException::new));
        int marked = changeReports.markNewestApplied(ids);
        return Flash.seeOther(Redirects.localPath(back), "appliedSelected", marked);
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @GET
    @Path("new")
    public TemplateInstance createForm() {
        return form(CustomerForm.empty(), Map.of(), null);
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    public Response create(@BeanParam FormFields fields) {
        CustomerForm typed = CustomerForm.typed(null, fields);
        try {
            Customer created = customers.create(typed.toInput());
            return Flash.seeOther("/customers/" + created.id, "customerCreated", created.name);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(form(typed, e.messages(i18n), null)).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("added") Integer added,
            @QueryParam("known") Integer known, @QueryParam("outside") String outside) {
        // the snapshot's customer: loaded (licenses and hosts with it) when the snapshot was, read-only
        Customer customer = current.of(id).orElseThrow(NotFoundException::new).customer();
        // the notice comes through the redirect's URL: name only hosts this customer really has
        List<String> hosts = customer.mcsHosts.stream().map(h -> h.value).toList();
        HostNotice notice = added == null ? null : new HostNotice(added, known == null ? 0 : known,
                outside == null || outside.isBlank() ? List.of()
                        : Arrays.stream(outside.split(",")).filter(hosts::contains).toList());
        return page.render(customer, notice, Map.of(), "");
    }

    /** The customer's history tab: the audit history filtered to this customer. */
    @RolesAllowed(PortalRoles.AUDIT_READER)
    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id, @QueryParam("before") Long before) {
        Customer customer = customers.find(id).orElseThrow(NotFoundException::new);
        AuditHistory.Filter filter = new AuditHistory.Filter(null, null, customer.id, null, null, null);
        return Templates.history(new CustomerName(customer.id, customer.name), audit.page(filter, before, 50),
                Map.of(customer.id, customer.name));
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        Customer customer = customers.detail(id).orElseThrow(NotFoundException::new);
        return form(CustomerForm.of(customer, knownRegionCodes()), Map.of(), null);
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("{id}")
    public Response update(@PathParam("id") long id, @BeanParam FormFields fields) {
        customers.find(id).orElseThrow(NotFoundException::new);
        CustomerForm typed = CustomerForm.typed(id, fields);
        try {
            customers.update(id, typed.toInput());
            return Flash.seeOther("/customers/" + id, "customerSaved", typed.name());
        } catch (InvalidInputException e) {
            return Response.status(400).entity(form(typed, e.messages(i18n), null)).build();
        } catch (StaleVersionException e) {
            return Response.status(409).entity(form(typed, Map.of(), i18n.msg().error_stale())).build();
        }
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @GET
    @Path("{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        return Templates.confirmDelete(customers.find(id).orElseThrow(NotFoundException::new));
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") long id, @RestForm Integer version) {
        if (version == null) { // the confirmation page sends the version it showed; nothing else may delete
            throw InvalidInputException.of("version", "error.required");
        }
        String name = customers.find(id).orElseThrow(NotFoundException::new).name;
        customers.delete(id, version);
        return Flash.seeOther("/customers", "customerDeleted", name);
    }

    /** A data region as the form offers it: whether the vendor page names region-bound hosts for it. */
    public record RegionOption(String code, String messageKey, boolean hasRules) {
    }

    private TemplateInstance form(CustomerForm form, Map<String, String> errors, String problem) {
        var catalog = catalogs.current().catalog();
        List<RegionOption> regions = DataRegions.all().stream()
                .map(r -> new RegionOption(r.code(), r.messageKey(), catalog.isKnownRegion(r.code()))).toList();
        return Templates.form(form, errors, regions, List.of(License.values()), List.of(FirewallProduct.values()), problem);
    }

    private List<String> knownRegionCodes() {
        return DataRegions.all().stream().map(r -> r.code()).toList();
    }
}
