package dev.allowlist.portal.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A person the portal has seen log in for a partner. */
@Entity
@Table(name = "member")
class Member extends TenantEntity {

    @Column(nullable = false)
    public String subject;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "first_seen_at", nullable = false)
    public OffsetDateTime firstSeenAt;

    @Column(name = "last_login_at", nullable = false)
    public OffsetDateTime lastLoginAt;
}
