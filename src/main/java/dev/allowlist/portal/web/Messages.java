package dev.allowlist.portal.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Template access to the request's messages: {@code {m:t('key')}}, {@code {m:label('license', value)}}. */
@TemplateExtension(namespace = "m")
public class Messages {

    private Messages() {
    }

    public static String t(String key, Object... args) {
        return Arc.container().instance(I18n.class).get().t(key, args);
    }

    /** The label of an enum-like value: the message {@code <prefix>.<value>}. */
    public static String label(String prefix, Object value) {
        return value == null ? "" : t(prefix + "." + value);
    }

    /** The current page, URL-encoded, for links that come back to it. */
    public static String here() {
        String uri = Arc.container().instance(io.vertx.core.http.HttpServerRequest.class).get().uri();
        return java.net.URLEncoder.encode(uri, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String lang() {
        return Arc.container().instance(I18n.class).get().language();
    }
}
