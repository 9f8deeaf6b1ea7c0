package dev.allowlist.portal.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The JSON API under /api takes bearer tokens only (its OIDC tenant is of type "service" and never
 * reads the session cookie), so there is no ambient credential for a cross-site request to ride on
 * and CSRF protection does not apply. quarkus-rest-csrf checks every state-changing request,
 * whatever its path and media type; for /api requests that carry a bearer token, this pairs a fresh
 * one-time token in the CSRF cookie and header so that scripts' JSON, multipart and body-less requests
 * pass that check. A check script's report to /checks/{token} is the same case: the token in the path
 * is its only credential, no cookie is read. Every other state-changing request (the pages, with the
 * session cookie) must present the token itself.
 */
class ApiCsrfExemption {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
    String cookieName;

    @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
    String headerName;

    @ServerRequestFilter(preMatching = true)
    void exemptBearerApiRequests(ContainerRequestContext context, HttpServerRequest request) {
        String authorization = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        String path = context.getUriInfo().getPath();
        boolean bearerApi = path.startsWith("/api/") && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        boolean checkReport = path.startsWith("/checks/") || path.startsWith("/notifications/unsubscribe/");
        if (!(bearerApi || checkReport) || SAFE.contains(context.getMethod())) {
            return;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // Vert.x keeps request and response cookies in one jar: the request now carries it; the
        // response tells the client to discard it at once.
        request.response().addCookie(Cookie.cookie(cookieName, token).setPath(checkReport ? path : "/api/").setMaxAge(0)
                .setHttpOnly(true));
        context.getHeaders().putSingle(headerName, token);
    }
}
