package dev.allowlist.portal.customer;

import dev.allowlist.portal.catalog.core.License;
import java.time.OffsetDateTime;
import java.util.List;

/** A customer as the customer list shows it. */
public record CustomerSummary(long id, String name, String externalReference, List<License> licenses,
        List<String> regions, long hostCount, OffsetDateTime updatedAt) {
}
