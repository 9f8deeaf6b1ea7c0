package dev.allowlist.portal.system;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The viewer's time zone, for the times a page shows: the zone the browser reports (portal.js keeps it
 * in the cookie {@code portal-tz}), else the page language's usual one (Japanese: Asia/Tokyo; English:
 * UTC). Times read {@code 2026-12-02 09:41:17 JST}: to the second, with the zone named.
 */
@RequestScoped
@Unremovable // looked up by the template extension, never injected
public class ViewerZone {

    static final String COOKIE = "portal-tz";
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH);

    @Inject
    CurrentVertxRequest current;

    @Inject
    I18n i18n;

    private ZoneId zone;

    public ZoneId zone() {
        if (zone == null) {
            zone = fromCookie();
            if (zone == null) {
                zone = "ja".equals(i18n.language()) ? ZoneId.of("Asia/Tokyo") : UTC;
            }
        }
        return zone;
    }

    private ZoneId fromCookie() {
        Cookie cookie = current.getCurrent() == null ? null : current.getCurrent().request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().length() > 64) {
            return null;
        }
        try {
            return ZoneId.of(java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (DateTimeException | IllegalArgumentException e) { // not a zone: the language's
            return null;
        }
    }

    /** An instant as the viewer reads it; in UTC outside a request (mail, exports). */
    public static String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        ArcContainer container = Arc.container();
        ZoneId zone = container != null && container.requestContext().isActive()
                ? container.instance(ViewerZone.class).get().zone() : UTC;
        return FORMAT.format(instant.atZone(zone));
    }
}
