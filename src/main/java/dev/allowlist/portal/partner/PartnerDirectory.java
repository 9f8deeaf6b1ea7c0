package dev.allowlist.portal.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered partners by slug, looked up on every request. Partners are never deleted, so a found
 * partner is cached for good; unknown slugs are asked again each time (a registration may follow).
 */
@ApplicationScoped
public class PartnerDirectory {

    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> displayName(String slug) {
        String cached = names.get(slug);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Partner> partner = Partner.findByIdOptional(slug);
        partner.ifPresent(p -> names.put(p.id, p.displayName));
        return partner.map(p -> p.displayName);
    }

    void registered(Partner partner) {
        names.put(partner.id, partner.displayName);
    }
}
