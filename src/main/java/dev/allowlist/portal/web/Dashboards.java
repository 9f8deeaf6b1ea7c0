package dev.allowlist.portal.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.allowlist.portal.allowlist.CurrentAllowlists;
import dev.allowlist.portal.allowlist.WorkQueue;
import dev.allowlist.portal.check.CheckService;
import dev.allowlist.portal.notify.NotificationService;
import dev.allowlist.portal.notify.Subscription;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.partner.PortalRoles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * What the dashboard shows a partner's member, kept per partner (and per admin or not: the banner of
 * disabled endpoints is the admins') for at most {@code portal.dashboard.keep}, and only while nothing
 * changed: every change to partner data, made here or announced by another instance
 * ({@link CurrentAllowlists#changes()}), makes the next visit read afresh. The page is the busiest a
 * technician opens, and its eight queries were two fifths of its cost at 500 customers; what a change
 * does not announce (a feed falling silent, counted in hours) is at most this old.
 */
@ApplicationScoped
public class Dashboards {

    /** The dashboard's data. */
    public record View(WorkQueue.Queue queue, List<CheckService.Attention> attention,
            List<Subscription> disabledEndpoints) {
    }

    /** A view and the count of changes before it was read. */
    private record Kept(long changes, View view) {
    }

    @Inject
    PortalConfig config;

    private Duration keep;

    @Inject
    CurrentMember member;

    @Inject
    WorkQueue work;

    @Inject
    CheckService checks;

    @Inject
    NotificationService notifications;

    @Inject
    CurrentAllowlists changes;

    @Inject
    MeterRegistry registry;

    private Cache<String, Kept> cache;

    @PostConstruct
    void init() {
        keep = config.dashboard().keep();
        cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(keep.isZero() ? Duration.ofNanos(1) : keep)
                .recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, "portal_dashboards");
    }

    /** The current member's partner's dashboard data. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public View current() {
        String key = member.tenantId() + (member.may(PortalRoles.PARTNER_ADMIN) ? "/admin" : "/member");
        // kept only while changes are heard: without the listener, another instance's changes would go unseen
        boolean keeping = !keep.isZero() && changes.isListening();
        long before = changes.changes();
        if (keeping) {
            Kept kept = cache.getIfPresent(key);
            if (kept != null && kept.changes() == before) {
                return kept.view();
            }
        }
        View view = new View(work.queue(), checks.attention(), notifications.disabled());
        if (keeping && changes.isListening()) {
            cache.put(key, new Kept(before, view));
        }
        return view;
    }
}
