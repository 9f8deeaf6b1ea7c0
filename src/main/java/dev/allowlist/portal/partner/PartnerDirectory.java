package dev.allowlist.portal.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enabled partners by slug, looked up on every request. Partners are never deleted, so a found partner
 * is cached until a rename or a disablement is announced ({@link #forget}, from every instance's change
 * listener); unknown and disabled slugs are asked again each time (a registration may follow).
 */
@ApplicationScoped
public class PartnerDirectory {

    @Inject
    PartnerRepository partners;

    @Inject
    VerifiedTokens tokens;

    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

    /** Knows every partner from the start, so that requests on an I/O thread need no query. */
    @Transactional
    void load(@Observes StartupEvent start) {
        partners.listAll().forEach(this::registered);
    }

    /** The e-mail addresses of the current partner's admins (as their logins gave them). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> adminEmails() {
        return partners.admins().stream().map(m -> m.email)
                .filter(e -> e != null && !e.isBlank()).distinct().toList();
    }

    /**
     * Looked up in a transaction (and persistence session) of its own: this runs while the request's
     * member is being resolved, and the request's own session, opened here, would take the tenant of
     * a member not yet resolved (none) for the rest of the request. A partner registered after this
     * instance started (by another instance, or in SQL) then saw empty lists on its first request.
     * A request context of its own when there is none: a login is resolved on a worker thread while it
     * is authenticated, before its request's context exists there, and the session needs one for its
     * tenant (none yet).
     */
    @ActivateRequestContext
    public Optional<String> displayName(String slug) {
        String cached = names.get(slug);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (Context.isOnEventLoopThread()) {
            return Optional.empty(); // error pages of unmatched routes render here; no blocking query
        }
        Optional<Partner> partner = QuarkusTransaction.requiringNew()
                .call(() -> partners.bySlug(slug));
        partner.filter(Partner::enabled).ifPresent(p -> names.put(p.id, p.displayName));
        return partner.filter(Partner::enabled).map(p -> p.displayName);
    }

    /** A partner's display name if this instance already knows it: no query, so any thread may ask. */
    public Optional<String> known(String slug) {
        return Optional.ofNullable(names.get(slug));
    }

    public void registered(Partner partner) {
        if (partner.enabled()) {
            names.put(partner.id, partner.displayName);
        } else {
            names.remove(partner.id);
        }
    }

    /**
     * A partner renamed, disabled or enabled (here or on another instance): its next request looks it up
     * again, and no bearer token verified for it before is taken from the cache.
     */
    public void forget(String slug) {
        names.remove(slug);
        tokens.clear();
    }

    /** Announcements may have been missed (the listener reconnected): every partner is looked up again. */
    public void forgetAll() {
        names.clear();
        tokens.clear();
    }
}
