package dev.allowlist.portal.customer;

import dev.allowlist.portal.catalog.core.License;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A customer as the customer list shows it, with where its firewall stands.
 *
 * @param newest the newest allowlist version, 0 before the first
 * @param applied the version recorded as applied, 0 when none
 * @param pendingSince when the oldest unapplied version was made, null when nothing waits
 * @param changedAt when the newest version was made
 */
public record CustomerSummary(long id, String name, String externalReference, List<License> licenses,
        List<String> regions, long hostCount, OffsetDateTime updatedAt, String firewallProduct, int newest, int applied,
        OffsetDateTime pendingSince, OffsetDateTime changedAt) {

    public boolean pending() {
        return pendingSince != null;
    }
}
