package dev.allowlist.portal.partner;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Every query of partners and of the members seen logging in. {@code partner} is the platform's table
 * (no tenant); {@code member} is scoped to the current partner by Hibernate's tenant filter.
 */
@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, String> {

    public List<Partner> allById() {
        return listAll(Sort.by("id"));
    }

    /** A partner with what the platform's list shows of it: counts and a time, never a tenant's rows. */
    public record Activity(Partner partner, long customers, long members, java.time.OffsetDateTime lastLogin) {
    }

    /** Every partner with its customers, members and last login (a cross-tenant function, V21). */
    @SuppressWarnings("unchecked")
    public List<Activity> activity() {
        java.util.Map<String, Object[]> rows = new java.util.HashMap<>();
        ((List<Object[]>) getEntityManager().createNativeQuery("SELECT partner_id, customers, members, last_login "
                + "FROM portal_partner_activity()").getResultList()).forEach(r -> rows.put((String) r[0], r));
        return allById().stream().map(p -> {
            Object[] r = rows.get(p.id);
            return r == null ? new Activity(p, 0, 0, null) : new Activity(p, ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(), r[3] == null ? null : r[3] instanceof java.time.OffsetDateTime o ? o
                            : ((java.time.Instant) r[3]).atOffset(java.time.ZoneOffset.UTC));
        }).toList();
    }

    public Optional<Partner> bySlug(String slug) {
        return findByIdOptional(slug);
    }

    /** The current partner's admins, as their logins gave them. */
    List<Member> admins() {
        return getEntityManager().createQuery("from Member where role = ?1", Member.class)
                .setParameter(1, Role.PARTNER_ADMIN).getResultList();
    }

    Optional<Member> memberBySubject(String subject) {
        return getEntityManager().createQuery("from Member where subject = ?1", Member.class).setParameter(1, subject)
                .getResultStream().findFirst();
    }
}
