package dev.allowlist.portal.web;

import dev.allowlist.portal.system.I18n;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The CSRF filter refuses a form without a valid token with a bare 400; this gives that answer the
 * portal's error page, saying what happened and what to do.
 */
class CsrfFailurePage {

    @Inject
    I18n i18n;

    @ServerResponseFilter
    void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())
                && !request.getUriInfo().getPath().startsWith("/api/")) {
            response.setEntity(ErrorMappers.Templates.error(400, i18n.msg().error_400_title(), i18n.msg().error_csrf()).render(),
                    null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
