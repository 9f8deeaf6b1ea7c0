package dev.allowlist.portal.customer.page;

import dev.allowlist.portal.allowlist.AllowlistSnapshot;
import dev.allowlist.portal.allowlist.AllowlistView;
import dev.allowlist.portal.allowlist.ChangeReportCsv;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.catalog.License;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.customer.FirewallProduct;
import dev.allowlist.portal.customer.HostAddition;
import dev.allowlist.portal.customer.InstallerLogService;
import dev.allowlist.portal.customer.InstallerLogUpload;
import dev.allowlist.portal.customer.McsHost;
import dev.allowlist.portal.customer.StaleVersionException;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import dev.allowlist.portal.system.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Customer pages: list, create, edit, delete, detail with licenses, MCS hosts and the allowlist. */
@Path("/customers")
@Produces(MediaType.TEXT_HTML)
public class CustomerResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(CustomerService.CustomerPage page);

        static native TemplateInstance form(CustomerForm form, Map<String, String> errors, List<RegionOption> knownRegions,
                List<License> licenses, List<FirewallProduct> products, String problem);

        /** The allowlist part of the customer page: the same for every visit until the allowlist changes. */
        static native TemplateInstance allowlistSection(AllowlistView allowlist);

        static native TemplateInstance detail(Customer customer, List<License> effectiveLicenses,
                io.quarkus.qute.RawString allowlistSection,
                HostNotice notice, Map<String, String> errors, String typedHosts, List<InstallerLogUpload> uploads,
                long maxUploadMegabytes, List<dev.allowlist.portal.export.ExportService.Option> exportOptions,
                List<dev.allowlist.portal.export.ExportService.FeedView> feeds, Integer version, int applied,
                int pendingChanges, FirewallProduct product, dev.allowlist.portal.check.CheckService.Panel checks);

        static native TemplateInstance upload(Customer customer, InstallerLogUpload upload,
                InstallerLogService.Outcome outcome, boolean repeated);

        static native TemplateInstance confirmDelete(Customer customer);

        static native TemplateInstance changes(CustomerName customer, dev.allowlist.portal.allowlist.ChangeReport report,
                int applied, int latest, String csvQuery);
    }

    /** Rendered allowlist sections by snapshot (by identity: a new snapshot renders anew) and language. */
    private static final com.github.benmanes.caffeine.cache.Cache<AllowlistSnapshot, Map<String, String>> SECTIONS =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(500).build();

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
    dev.allowlist.portal.check.CheckService checkService;

    @Inject
    CustomerService customers;

    @Inject
    dev.allowlist.portal.allowlist.CurrentAllowlists current;

    @Inject
    CatalogService catalogs;

    @Inject
    CurrentMember member;

    @Inject
    I18n i18n;

    @Inject
    InstallerLogService installerLogs;

    @Inject
    dev.allowlist.portal.audit.AuditService audit;

    @Inject
    dev.allowlist.portal.export.ExportService exports;

    @Inject
    dev.allowlist.portal.allowlist.AllowlistVersions versions;

    @Inject
    dev.allowlist.portal.allowlist.ChangeReports changeReports;

    @GET
    public TemplateInstance list(@QueryParam("q") String search, @QueryParam("page") @DefaultValue("1") int page) {
        return Templates.list(customers.list(search, page));
    }

    @GET
    @Path("new")
    public TemplateInstance createForm() {
        member.requireCustomerEditor();
        return form(CustomerForm.empty(), Map.of(), null);
    }

    @POST
    public Response create(@BeanParam FormFields fields) {
        member.requireCustomerEditor();
        CustomerForm typed = CustomerForm.typed(null, fields);
        try {
            Customer created = customers.create(typed.toInput());
            return Redirects.seeOther("/customers/" + created.id);
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
        return detailPage(customer, notice, Map.of(), "");
    }

    private TemplateInstance detailPage(Customer customer, HostNotice notice, Map<String, String> errors, String typed) {
        List<License> licenses = customer.licenses.stream().map(l -> l.license).toList();
        AllowlistSnapshot snapshot = current.of(customer.id).orElseThrow(NotFoundException::new);
        // rendered once per snapshot and language, kept apart from the snapshot (pages are for people:
        // a few hundred are plenty, while snapshots serve every polling firewall)
        // markup of our own template, escaped when it was rendered: inserted as it is (a RawString
        // is made only here, never from request data)
        String allowlistSection = SECTIONS.get(snapshot, s -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(i18n.language(), language -> Templates.allowlistSection(
                        AllowlistView.of(snapshot.allowlist(), catalogs.current().catalog(), i18n)).render());
        return Templates.detail(customer, License.withImplications(licenses).stream().sorted().toList(),
                new io.quarkus.qute.RawString(allowlistSection), notice, errors, typed,
                snapshot.derive("installer-logs", () -> installerLogs.recent(customer.id)), installerLogs.maxSize() / (1024 * 1024), exports.options(snapshot),
                exports.feeds(customer.id), snapshot.version() == 0 ? null : snapshot.version(),
                snapshot.applied(), snapshot.<Integer>derive("pending-changes",
                        () -> changeReports.report(customer.id, null, null, snapshot.applied()).size()),
                FirewallProduct.parse(customer.firewallProduct).orElse(null), checkService.panel(customer.id));
    }

    /** The customer's history tab: the audit history filtered to this customer. */
    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id, @QueryParam("before") Long before) {
        Customer customer = customers.find(id).orElseThrow(NotFoundException::new);
        String chain = audit.readableChain();
        dev.allowlist.portal.audit.AuditService.Filter filter = new dev.allowlist.portal.audit.AuditService.Filter(null,
                null, customer.id, null, null, null);
        return dev.allowlist.portal.audit.AuditResource.Templates.history(audit.page(filter, before, 50), filter,
                "customerId=" + customer.id, false);
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        member.requireCustomerEditor();
        Customer customer = customers.detail(id).orElseThrow(NotFoundException::new);
        return form(CustomerForm.of(customer, knownRegionCodes()), Map.of(), null);
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") long id, @BeanParam FormFields fields) {
        member.requireCustomerEditor();
        customers.find(id).orElseThrow(NotFoundException::new);
        CustomerForm typed = CustomerForm.typed(id, fields);
        try {
            customers.update(id, typed.toInput());
            return Redirects.seeOther("/customers/" + id);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(form(typed, e.messages(i18n), null)).build();
        } catch (StaleVersionException e) {
            return Response.status(409).entity(form(typed, Map.of(), i18n.t("error.stale"))).build();
        }
    }

    @GET
    @Path("{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        member.requireCustomerEditor();
        return Templates.confirmDelete(customers.find(id).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") long id, @RestForm Integer version) {
        if (version == null) { // the confirmation page sends the version it showed; nothing else may delete
            throw InvalidInputException.of("version", "error.required");
        }
        customers.delete(id, version);
        return Redirects.seeOther("/customers");
    }

    @POST
    @Path("{id}/hosts")
    public Response addHosts(@PathParam("id") long id, @RestForm String hosts) {
        member.requireCustomerEditor();
        List<String> values = hosts == null ? List.of()
                : Arrays.stream(hosts.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            HostAddition result = customers.addHosts(id, values, McsHost.Source.TYPED);
            String outside = URLEncoder.encode(String.join(",", result.outsideVendorDomains()), StandardCharsets.UTF_8);
            return Redirects.seeOther("/customers/" + id + "?added=" + result.added().size() + "&known="
                    + result.alreadyKnown().size() + (outside.isEmpty() ? "" : "&outside=" + outside) + "#hosts");
        } catch (InvalidInputException e) {
            Customer customer = customers.detail(id).orElseThrow(NotFoundException::new);
            return Response.status(400).entity(detailPage(customer, null, e.messages(i18n), hosts)).build();
        }
    }

    @POST
    @Path("{id}/hosts/{hostId}/delete")
    public Response removeHost(@PathParam("id") long id, @PathParam("hostId") long hostId) {
        customers.removeHost(id, hostId);
        return Redirects.seeOther("/customers/" + id + "#hosts");
    }

    @POST
    @Path("{id}/installer-logs")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadInstallerLog(@PathParam("id") long id, @RestForm("file") FileUpload file) throws IOException {
        member.requireCustomerEditor();
        customers.find(id).orElseThrow(NotFoundException::new);
        try {
            if (file == null || file.uploadedFile() == null) {
                throw InvalidInputException.of("file", "error.log.missing");
            }
            if (file.size() > installerLogs.maxSize()) {
                throw new InstallerLogService.TooLargeException(installerLogs.maxSize());
            }
            InstallerLogService.Ingested ingested = installerLogs.ingest(id, file.fileName(),
                    Files.readAllBytes(file.uploadedFile()));
            return Redirects.seeOther("/customers/" + id + "/installer-logs/" + ingested.upload().id
                    + (ingested.repeated() ? "?repeated=true" : ""));
        } catch (InvalidInputException e) {
            Customer customer = customers.detail(id).orElseThrow(NotFoundException::new);
            return Response.status(400).entity(detailPage(customer, null, e.messages(i18n), "")).build();
        }
    }

    @GET
    @Path("{id}/installer-logs/{uploadId}")
    public TemplateInstance installerLog(@PathParam("id") long id, @PathParam("uploadId") long uploadId,
            @QueryParam("repeated") boolean repeated) {
        Customer customer = customers.find(id).orElseThrow(NotFoundException::new);
        InstallerLogUpload upload = installerLogs.find(id, uploadId).orElseThrow(NotFoundException::new);
        return Templates.upload(customer, upload, installerLogs.outcome(upload), repeated);
    }

    /** The change report: from the applied version (or ?from=) to the latest (or ?to=). */
    @GET
    @Path("{id}/changes")
    public TemplateInstance changes(@PathParam("id") long id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        AllowlistSnapshot snapshot = current.of(id).orElseThrow(NotFoundException::new);
        dev.allowlist.portal.allowlist.ChangeReport report = changeReports.report(id, from, to, snapshot.applied());
        return Templates.changes(new CustomerName(snapshot.customerId(), snapshot.customerName()), report,
                snapshot.applied(), snapshot.version(), "from=" + report.from() + "&to=" + report.to());
    }

    @GET
    @Path("{id}/changes.csv")
    @Produces("text/csv")
    public Response changesCsv(@PathParam("id") long id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        Customer customer = customers.find(id).orElseThrow(NotFoundException::new);
        dev.allowlist.portal.allowlist.ChangeReport report = changeReports.report(id, from, to);
        return Response.ok(ChangeReportCsv.write(report), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"changes_" + customer.id + "_v" + report.from()
                        + "-v" + report.to() + ".csv\"").build();
    }

    @POST
    @Path("{id}/applied")
    public Response markApplied(@PathParam("id") long id, @RestForm Integer version) {
        customers.find(id).orElseThrow(NotFoundException::new);
        changeReports.markApplied(id, version == null ? -1 : version);
        return Redirects.seeOther("/customers/" + id + "#exports");
    }

    /** A data region as the form offers it: whether the vendor page names region-bound hosts for it. */
    public record RegionOption(String code, String messageKey, boolean hasRules) {
    }

    private TemplateInstance form(CustomerForm form, Map<String, String> errors, String problem) {
        var catalog = catalogs.current().catalog();
        List<RegionOption> regions = dev.allowlist.portal.catalog.DataRegions.all().stream()
                .map(r -> new RegionOption(r.code(), r.messageKey(), catalog.isKnownRegion(r.code()))).toList();
        return Templates.form(form, errors, regions, List.of(License.values()), List.of(FirewallProduct.values()), problem);
    }

    private List<String> knownRegionCodes() {
        return dev.allowlist.portal.catalog.DataRegions.all().stream().map(r -> r.code()).toList();
    }
}
