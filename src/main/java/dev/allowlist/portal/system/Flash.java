package dev.allowlist.portal.system;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Post/Redirect/Get with a flash message, as Renarde does it: the POST answers 303 with a short-lived
 * cookie naming a message ({@code flash.*} only) and its arguments; the next page shows it once
 * ({@code {inject:flash.message}} in the layout) and expires the cookie. The cookie holds no secret:
 * what it says is what the person just did, and a forged one can only show its own sender a
 * {@code flash.*} text, escaped like any other.
 */
@RequestScoped
@Named("flash")
public class Flash {

    static final String COOKIE = "portal-flash";
    private static final String PREFIX = "flash.";
    private static final char SEPARATOR = '\u001f';

    @Inject
    CurrentVertxRequest current;

    @Inject
    I18n i18n;

    private String message;
    private boolean read;

    /** A 303 to {@code path} that shows the message {@code flash.<key>} on the page it leads to. */
    public static Response seeOther(String path, String key, Object... args) {
        StringBuilder value = new StringBuilder(PREFIX).append(key);
        for (Object arg : args) {
            value.append(SEPARATOR).append(String.valueOf(arg).replace(SEPARATOR, ' '));
        }
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(value.toString().getBytes(StandardCharsets.UTF_8));
        return Response.seeOther(URI.create(path)).cookie(new NewCookie.Builder(COOKIE).value(encoded).path("/")
                .maxAge(60).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build()).build();
    }

    /** The message the last action left, in the page's language, once; null when there is none. */
    public String message() {
        if (read) {
            return message;
        }
        read = true;
        HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
        Cookie cookie = request == null ? null : request.getCookie(COOKIE);
        if (cookie == null) {
            return null;
        }
        request.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX));
        message = decode(cookie.getValue());
        return message;
    }

    private String decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1);
            if (!parts[0].startsWith(PREFIX) || !parts[0].substring(PREFIX.length()).matches("[A-Za-z]+")) {
                return null;
            }
            return I18n.find(i18n.language(), parts[0], (Object[]) Arrays.copyOfRange(parts, 1, parts.length)).orElse(null);
        } catch (RuntimeException e) { // not ours, or from an older build: nothing to show
            return null;
        }
    }
}
