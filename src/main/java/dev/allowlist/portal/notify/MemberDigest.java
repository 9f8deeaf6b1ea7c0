package dev.allowlist.portal.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.TenantId;

/** A member's own e-mail digest: daily or weekly, in the member's language. */
@Entity
@Table(name = "member_digest")
public class MemberDigest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

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
