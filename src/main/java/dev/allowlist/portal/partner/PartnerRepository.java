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
