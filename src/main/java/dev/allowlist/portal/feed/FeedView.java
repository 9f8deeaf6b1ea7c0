package dev.allowlist.portal.feed;

import dev.allowlist.portal.export.core.ExportFormat;
import dev.allowlist.portal.export.core.ExportFormats;
import java.time.OffsetDateTime;

/** A feed as the customer page lists it. */
public record FeedView(long id, String format, OffsetDateTime createdAt, String createdBy, OffsetDateTime revokedAt,
        OffsetDateTime lastPulledAt, long pullCount, String lastClient) {

    /** For a feed of a retired format: the format to replace it with (the feed keeps answering). */
    public String replacedBy() {
        return ExportFormats.byId(format).map(ExportFormat::replacedBy).orElse(null);
    }
}
