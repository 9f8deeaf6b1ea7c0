package dev.allowlist.portal.web;

import dev.allowlist.portal.customer.InstallerLogService;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.PortalMessages;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose declared body is over the HTTP limit ({@code quarkus.http.limits.max-body-size})
 * is refused before its body is read, as the HTTP layer would, but with the portal's message and
 * format instead of a bare 413: JSON under /api, the portal's error page elsewhere. It runs just
 * before the HTTP layer's own check, on the event loop, so it touches nothing but the message bundles.
 */
@ApplicationScoped
class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    InstallerLogService installerLogs;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= maxBodySize.asLongValue()) {
            context.next();
            return;
        }
        Cookie lang = context.request().getCookie(I18n.COOKIE);
        String language = I18n.languageOf(lang == null ? null : lang.getValue(), context.request().getHeader("Accept-Language"));
        PortalMessages bundle = I18n.messages(language);
        String path = context.request().path();
        String message = path.endsWith("/installer-logs")
                ? bundle.error_log_tooLarge(installerLogs.maxSize() / (1024 * 1024))
                : bundle.error_413_message();
        String body;
        String type;
        if (path.startsWith("/api/")) {
            type = "application/json";
            body = "{\"status\":413,\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        } else {
            type = "text/html; charset=UTF-8";
            body = ErrorMappers.standalonePage(bundle, language, 413, bundle.error_413_title(), message);
        }
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CONNECTION, "close");
        context.response().endHandler(v -> context.request().connection().close());
        context.response().end(body);
    }
}
