package dev.allowlist.portal.notify;

import dev.allowlist.portal.partner.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A member's own e-mail digest: daily or weekly, in the member's language. */
@Entity
@Table(name = "member_digest")
public class MemberDigest extends TenantEntity {

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String email;

    /** daily or weekly */
    @Column(nullable = false)
    public String frequency;

    @Column(nullable = false)
    public String language;

    @Column(name = "last_sent_at", nullable = false)
    public OffsetDateTime lastSentAt;
}
