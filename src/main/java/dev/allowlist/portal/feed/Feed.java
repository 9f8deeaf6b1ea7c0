package dev.allowlist.portal.feed;

import dev.allowlist.portal.partner.UrlTokenEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A feed: a URL with a secret token that a firewall polls for one customer's export. */
@Entity
@Table(name = "feed")
public class Feed extends UrlTokenEntity {

    @Column(nullable = false)
    public String format;

    @Column(name = "last_pulled_at")
    public OffsetDateTime lastPulledAt;

    @Column(name = "pull_count", nullable = false)
    public long pullCount;
}
