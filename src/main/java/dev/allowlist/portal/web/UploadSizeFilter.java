package dev.allowlist.portal.web;

import dev.allowlist.portal.customer.InstallerLogService;
import dev.allowlist.portal.system.I18n;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an installer-log upload whose declared length is over the limit before its body is read,
 * with a message that says so (the HTTP layer's own limit would answer a bare 413).
 */
class UploadSizeFilter {

    /** Room for the multipart envelope and the CSRF field around the file. */
    private static final long MULTIPART_SLACK = 64 * 1024;

    @Inject
    InstallerLogService installerLogs;

    @Inject
    I18n i18n;

    @ServerRequestFilter(preMatching = true)
    Response refuseOversized(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().endsWith("/installer-logs")) {
            return null;
        }
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (length <= installerLogs.maxSize() + MULTIPART_SLACK) {
            return null;
        }
        String message = i18n.msg().error_log_tooLarge(installerLogs.maxSize() / (1024 * 1024));
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            return Response.status(413).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("status", 413, "message", message)).build();
        }
        return Response.status(413).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorMappers.errorPage(413, i18n.msg().error_413_title(), message)).build();
    }
}
