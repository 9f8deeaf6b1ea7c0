package dev.allowlist.portal.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.AuditUnavailableException;
import dev.allowlist.portal.customer.InstallerLogService;
import dev.allowlist.portal.customer.StaleVersionException;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.NotRegisteredException;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import dev.allowlist.portal.system.PortalMessages;
import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error as a page (or, under /api, as JSON) that says what went wrong, in the user's language,
 * without a stack trace. 404 for unknown and foreign ids alike.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);

        static native TemplateInstance notRegistered(String reason);
    }

    @Inject
    HttpServerRequest request;

    /** The portal's error page, rendered in a request (with the layout: navigation, language switch). */
    public static String errorPage(int status, String title, String message) {
        return Templates.error(status, title, message).render();
    }

    /**
     * The error page for answers given before a request reaches the portal (no login, no request
     * scope): the same heading, message and styles, without the navigation.
     */
    static String standalonePage(PortalMessages bundle, String language, int status, String title, String message) {
        return "<!DOCTYPE html>\n<html lang=\"" + language + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + html(title) + " — "
                + html(bundle.app_name()) + "</title>\n<link rel=\"stylesheet\" href=\"/static/portal.css\">\n"
                + "</head>\n<body>\n<header class=\"top\"><a class=\"brand\" href=\"/\">" + html(bundle.app_name())
                + "</a></header>\n<main>\n<section class=\"error\">\n  <h1>" + status + " · " + html(title) + "</h1>\n  <p>"
                + html(message) + "</p>\n  <p><a href=\"/\">" + html(bundle.error_home()) + "</a></p>\n</section>\n"
                + "</main>\n</body>\n</html>\n";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Inject
    I18n i18n;

    @Inject
    CurrentMember member;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(404, "error.404.title", i18n.msg().error_404_message(), List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "error.403.title", i18n.msg().error_403_message(), List.of());
    }

    /**
     * A route's {@code @RolesAllowed} refused the login: a login that belongs to no partner is told why
     * (the same page as {@link NotRegisteredException}), anyone else gets the 403 page.
     */
    @ServerExceptionMapper
    public Response refused(io.quarkus.security.ForbiddenException e) {
        return member.status() == CurrentMember.Status.NOT_REGISTERED ? notRegistered(new NotRegisteredException())
                : forbidden(new ForbiddenException());
    }

    @ServerExceptionMapper
    public Response notRegistered(NotRegisteredException e) {
        CurrentMember.NotRegisteredReason why = member.notRegisteredReason();
        String reason = why == null ? "" : i18n.message("notRegistered.reason." + why.name(), String.valueOf(member.partnerId()));
        if (isApi()) {
            return json(403, i18n.msg().error_notRegistered_message() + " " + reason, List.of());
        }
        String html = Templates.notRegistered(reason).render();
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    @ServerExceptionMapper
    public Response stale(StaleVersionException e) {
        return respond(409, "error.409.title", i18n.msg().error_stale(), List.of());
    }

    @ServerExceptionMapper
    public Response tooLarge(InstallerLogService.TooLargeException e) {
        return respond(413, "error.413.title", i18n.msg().error_log_tooLarge(e.limit() / (1024 * 1024)), List.of());
    }

    @ServerExceptionMapper
    public Response auditUnavailable(AuditUnavailableException e) {
        LOG.warn(e.getMessage());
        return respond(503, "error.generic.title", i18n.msg().error_auditUnavailable(), List.of());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        List<Map<String, Object>> fields = e.errors().stream().map(f -> {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("field", f.field());
            field.put("message", i18n.message(f.key(), f.args().toArray()));
            return field;
        }).toList();
        String summary = fields.stream().map(f -> f.get("field") + ": " + f.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("");
        return respond(400, "error.400.title", summary, fields);
    }

    /**
     * A body that is not JSON, or JSON of the wrong shape: the portal's error shape, with the field and
     * the position, never Jackson's own message (which names classes).
     */
    @ServerExceptionMapper({ JsonParseException.class,
            MismatchedInputException.class,
            JsonMappingException.class,
            JsonProcessingException.class })
    public Response badJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("") : "";
        var location = e.getLocation();
        String where = location == null ? ""
                : " " + i18n.msg().error_json_at(String.valueOf(location.getLineNr()), String.valueOf(location.getColumnNr()));
        String message = (e instanceof JsonParseException || field.isEmpty()
                ? i18n.msg().error_json_syntax() : i18n.msg().error_json_field(field)) + where;
        return respond(400, "error.400.title", message, field.isEmpty() ? List.of()
                : List.of(Map.of("field", field, "message", i18n.msg().error_json_type())));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status < 400) {
            return e.getResponse();
        }
        String key = switch (status) {
            case 400 -> "error.400.message";
            case 404 -> "error.404.message";
            case 405 -> "error.405.message";
            case 406, 415 -> "error.415.message";
            case 413 -> "error.413.message";
            default -> "error.generic.message";
        };
        String title = status == 400 || status == 404 || status == 403 || status == 409 ? "error." + status + ".title"
                : "error.generic.title";
        return respond(status, title, i18n.message(key), List.of());
    }

    /**
     * Anything else. Faults that reach here wrapped (a conflict found at commit, inside a
     * RollbackException or an undeclared-throwable wrapper; a database that cannot be reached) are
     * recognised by their cause and answered as what they are: 409 for a conflict, 503 with
     * Retry-After while the database is unavailable. Nothing else tells more than "unexpected".
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Faults.Kind kind = Faults.classify(e);
        if (kind == Faults.Kind.UNEXPECTED && Faults.involvesDatabase(e) && !databaseReachable()) {
            // the pool's own wrappers do not always keep the driver's cause: ask the database itself
            kind = Faults.Kind.DATABASE_UNAVAILABLE;
        }
        return switch (kind) {
            case CONFLICT -> respond(409, "error.409.title", i18n.msg().error_stale(), List.of());
            case DUPLICATE -> respond(409, "error.409.title", i18n.msg().error_concurrent(), List.of());
            case DATABASE_UNAVAILABLE -> {
                LOG.warn("Database unavailable on " + request.method() + " "
                        + AuditService.loggablePath(request.path()) + ": " + Faults.rootMessage(e));
                Response r = respond(503, "error.503.title", i18n.msg().error_databaseUnavailable(), List.of());
                yield Response.fromResponse(r).header("Retry-After", Faults.RETRY_AFTER_SECONDS).build();
            }
            case UNEXPECTED -> {
                LOG.error("Unexpected error on " + request.method() + " "
                        + AuditService.loggablePath(request.path()), e);
                yield respond(500, "error.500.title", i18n.msg().error_500_message(), List.of());
            }
        };
    }

    @Inject
    AgroalDataSource dataSource;

    private boolean databaseReachable() {
        try {
            return dataSource.isHealthy(true);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private boolean isApi() {
        return request.path().startsWith("/api/") || request.path().startsWith("/checks/");
    }

    private Response respond(int status, String titleKey, String message, List<Map<String, Object>> fields) {
        if (isApi()) {
            return json(status, message, fields);
        }
        String html = Templates.error(status, i18n.message(titleKey), message).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private static Response json(int status, String message, List<Map<String, Object>> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        if (!fields.isEmpty()) {
            body.put("errors", fields);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
