package dev.allowlist.portal.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/** Records the members seen using the portal: who they are, their role, and when they were last here. */
@ApplicationScoped
class Members {

    @Inject
    PartnerRepository partners;

    @Inject
    CurrentMember member;

    /** Records (at most every ten minutes per member) that a member of a partner was here. */
    @Transactional
    void recordLogin() {
        if (!member.isPartnerMember() || "system".equals(member.subject())) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        Member seen = partners.memberBySubject(member.subject()).orElse(null);
        if (seen == null) {
            seen = new Member();
            seen.subject = member.subject();
            seen.firstSeenAt = now;
        } else if (seen.lastLoginAt.isAfter(now.minusMinutes(10)) && seen.role == member.role()) {
            return;
        }
        seen.displayName = member.displayName();
        seen.email = member.email();
        seen.role = member.role();
        seen.lastLoginAt = now;
        seen.persist();
    }
}
