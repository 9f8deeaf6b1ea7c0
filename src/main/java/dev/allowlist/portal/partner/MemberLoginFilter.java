package dev.allowlist.portal.partner;

import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Records members as they use the portal; throttled in memory so most requests touch no table. */
class MemberLoginFilter {

    private static final Map<String, Long> LAST_RECORDED = new ConcurrentHashMap<>();
    private static final long INTERVAL_MS = 10 * 60 * 1000;

    @Inject
    CurrentMember member;

    @Inject
    Members members;

    @ServerRequestFilter
    void record() {
        if (!member.isPartnerMember()) {
            return;
        }
        String key = member.partnerId() + "/" + member.subject();
        long now = System.currentTimeMillis();
        Long last = LAST_RECORDED.get(key);
        if (last == null || now - last > INTERVAL_MS) {
            LAST_RECORDED.put(key, now);
            members.recordLogin();
        }
    }
}
