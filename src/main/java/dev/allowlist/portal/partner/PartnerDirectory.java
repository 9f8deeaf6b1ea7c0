package dev.allowlist.portal.partner;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    /** Knows every partner from the start, so that requests on an I/O thread need no query. */
    @Transactional
    void load(@Observes StartupEvent start) {
        Partner.<Partner>listAll().forEach(this::registered);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> displayName(String slug) {
        String cached = names.get(slug);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (Context.isOnEventLoopThread()) {
            return Optional.empty(); // error pages of unmatched routes render here; no blocking query
        }
        Optional<Partner> partner = Partner.findByIdOptional(slug);
        partner.ifPresent(p -> names.put(p.id, p.displayName));
        return partner.map(p -> p.displayName);
    }

    void registered(Partner partner) {
        names.put(partner.id, partner.displayName);
    }
}
