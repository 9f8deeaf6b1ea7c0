package dev.allowlist.portal.customer.page;

import dev.allowlist.portal.allowlist.AllowlistView;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.check.CheckService;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.InstallerLogUpload;
import dev.allowlist.portal.customer.core.FirewallProduct;
import dev.allowlist.portal.export.ExportService;
import dev.allowlist.portal.feed.FeedView;
import io.quarkus.qute.RawString;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Everything the customer page shows, in one record: the customer and what follows from it, what the
 * last form left (a notice, errors, the typed hosts), and what the member may do here, as booleans the
 * template asks instead of comparing roles.
 *
 * @param allowlistSection the allowlist's markup, rendered once per version and language
 * @param version the current allowlist version, null before the first
 * @param mayEdit change the customer, its hosts and logs, mark a version applied
 * @param mayManage create and revoke feeds and check tokens (partner admins)
 * @param mayReadAudit open the customer's history tab
 * @param centralRemovedAt when the Sophos Central tenant it is linked to was last found gone; null otherwise
 */
public record CustomerDetail(Customer customer, List<License> effectiveLicenses, RawString allowlistSection,
        CustomerResource.HostNotice notice, Map<String, String> errors, String typedHosts, List<InstallerLogUpload> uploads,
        long maxUploadMegabytes, List<ExportService.Option> exportOptions, List<FeedView> feeds, Integer version,
        int applied, int pendingChanges, FirewallProduct product, CheckService.Panel checks, boolean mayEdit,
        boolean mayManage, boolean mayReadAudit, Summary summary, OffsetDateTime centralRemovedAt) {

    /**
     * The card the page leads with: the newest and the applied version, what the firewall has to do to
     * get from one to the other, the warnings, and the list in the customer's usual format to copy or
     * download.
     *
     * @param actions additions, removals and changes of ports or kind (a change of reasons alone needs
     *     nothing of the firewall)
     * @param format the customer's usual format: its firewall product's export, or txt
     */
    public record Summary(int newest, int applied, int added, int removed, int actions, int reasonsOnly,
            List<AllowlistView.WarningView> warnings, String format, String copyText) {

        public boolean pending() {
            return newest > applied;
        }

        public int otherChanges() {
            return actions - added - removed;
        }
    }
}
