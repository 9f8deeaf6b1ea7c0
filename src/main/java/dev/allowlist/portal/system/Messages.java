package dev.allowlist.portal.system;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.TemplateExtension;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Template access to the messages a page can only name at run time: {@code {m:label('license', value)}}
 * for a value's label, {@code {m:message(key)}} for a key a view carries. Every other text is
 * {@code {msg:key}} ({@link PortalMessages}), checked when the portal is built.
 */
@TemplateExtension(namespace = "m")
public class Messages {

    private Messages() {
    }

    /** The request-scoped bean's client proxy: one per application start, it finds each request's own. */
    private record Proxy(ArcContainer container, I18n i18n) {
    }

    private static volatile Proxy proxy;

    private static I18n i18n() {
        ArcContainer container = Arc.container();
        Proxy p = proxy;
        if (p == null || p.container() != container) { // a restart (dev mode, test profiles) has a new container
            p = new Proxy(container, container.instance(I18n.class).get());
            proxy = p;
        }
        return p.i18n();
    }

    public static String message(String key, Object... args) {
        return i18n().message(key, args);
    }

    /** The label of an enum-like value: the message {@code <prefix>.<value>}. */
    public static String label(String prefix, Object value) {
        return value == null ? "" : message(prefix + "." + value);
    }

    /**
     * A version's cause in words, with what it changed when the version says so: "central-synced" with
     * "+EDR regions" reads "License EDR added in Sophos Central. Data region changed in Sophos Central.".
     */
    public static String cause(String cause, String detail) {
        if (detail == null || detail.isBlank()) {
            return label("cause", cause);
        }
        List<String> parts = new ArrayList<>();
        for (String part : detail.strip().split("\\s+")) {
            if (part.startsWith("+")) {
                parts.add(message("cause.detail.licenseAdded", part.substring(1)));
            } else if (part.startsWith("-")) {
                parts.add(message("cause.detail.licenseRemoved", part.substring(1)));
            } else if (part.equals("regions")) {
                parts.add(message("cause.detail.regions"));
            }
        }
        return parts.isEmpty() ? label("cause", cause) : String.join(" ", parts);
    }

    /** Numbered steps kept in one message, {@code <prefix>.<value>}, separated by {@code |}. */
    public static List<String> steps(String prefix, Object value) {
        return Arrays.stream(label(prefix, value).split("\\|")).map(String::strip).toList();
    }

    /** The current page, URL-encoded, for links that come back to it. */
    public static String here() {
        String uri = Arc.container().instance(HttpServerRequest.class).get().uri();
        return URLEncoder.encode(uri, StandardCharsets.UTF_8);
    }

    public static String lang() {
        return i18n().language();
    }
}
