package dev.allowlist.portal.customer.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.allowlist.portal.allowlist.AllowlistSnapshot;
import dev.allowlist.portal.allowlist.AllowlistView;
import dev.allowlist.portal.allowlist.ChangeReports;
import dev.allowlist.portal.allowlist.CurrentAllowlists;
import dev.allowlist.portal.allowlist.core.ChangeReport;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.check.CheckService;
import dev.allowlist.portal.central.CentralService;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.InstallerLogService;
import dev.allowlist.portal.customer.core.FirewallProduct;
import dev.allowlist.portal.export.ExportService;
import dev.allowlist.portal.feed.FeedService;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.I18n;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The customer's page: its profile, hosts, installer logs, allowlist, exports, feeds and checks. Its own
 * routes and the host and upload forms (which show it again with their errors) render it here.
 */
@ApplicationScoped
class CustomerPage {

    /** Rendered allowlist sections by snapshot (by identity: a new snapshot renders anew) and language. */
    private static final Cache<AllowlistSnapshot, Map<String, String>> SECTIONS =
            Caffeine.newBuilder().weakKeys().maximumSize(500).build();

    @Inject
    CurrentAllowlists current;

    @Inject
    CatalogService catalogs;

    @Inject
    I18n i18n;

    @Inject
    InstallerLogService installerLogs;

    @Inject
    ExportService exports;

    @Inject
    FeedService feeds;

    @Inject
    ChangeReports changeReports;

    @Inject
    CheckService checkService;

    @Inject
    CurrentMember member;

    @Inject
    CentralService central;

    TemplateInstance render(Customer customer, CustomerResource.HostNotice notice, Map<String, String> errors, String typed) {
        List<License> licenses = customer.licenses.stream().map(l -> l.license).toList();
        AllowlistSnapshot snapshot = current.of(customer.id).orElseThrow(NotFoundException::new);
        // rendered once per snapshot and language, kept apart from the snapshot (pages are for people:
        // a few hundred are plenty, while snapshots serve every polling firewall)
        // markup of our own template, escaped when it was rendered: inserted as it is (a RawString
        // is made only here, never from request data)
        String allowlistSection = SECTIONS.get(snapshot, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(i18n.language(), language -> CustomerResource.Templates.allowlistSection(
                        AllowlistView.of(snapshot.allowlist(), catalogs.current().catalog(), i18n)).render());
        FirewallProduct product = FirewallProduct.parse(customer.firewallProduct).orElse(null);
        ChangeReport pending = snapshot.derive("pending-report",
                () -> changeReports.report(customer.id, null, null, snapshot.applied()));
        String format = product == null ? "txt" : product.export();
        String copyText = exports.render(snapshot, ExportService.format(format), null).content();
        CustomerDetail.Summary summary = new CustomerDetail.Summary(snapshot.version(), snapshot.applied(),
                pending.added().size(), pending.removed().size(), pending.firewallActions(), pending.reasonChanges().size(),
                AllowlistView.warnings(snapshot.allowlist(), catalogs.current().catalog(), i18n), format, copyText);
        return CustomerResource.Templates.detail(new CustomerDetail(customer,
                License.withImplications(licenses).stream().sorted().toList(), new RawString(allowlistSection), notice,
                errors, typed, snapshot.derive("installer-logs", () -> installerLogs.recent(customer.id)),
                installerLogs.maxSize() / (1024 * 1024), exports.options(snapshot), feeds.feeds(customer.id),
                snapshot.version() == 0 ? null : snapshot.version(), snapshot.applied(),
                pending.size(), product, checkService.panel(customer.id),
                member.may(PortalRoles.CUSTOMER_EDITOR), member.may(PortalRoles.PARTNER_ADMIN),
                member.may(PortalRoles.AUDIT_READER), summary,
                customer.centralTenantId == null ? null : central.removedAt(customer.centralTenantId).orElse(null)));
    }
}
