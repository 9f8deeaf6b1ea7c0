package dev.allowlist.portal.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Attachments;
import dev.allowlist.portal.system.Dates;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The auditors' pages: the filterable history, an event's before/after, integrity, CSV export. */
@RolesAllowed(PortalRoles.AUDIT_READER)
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditResource {

    static final int PAGE_SIZE = 50;

    /** The customer picker lists every customer up to this many; past it, the filter takes an id. */
    static final int PICKER_MAX = 2000;

    /** A changed field of an event, before and after. */
    public record FieldChange(String field, String before, String after) {
    }

    @CheckedTemplate
    public static class Templates {
        static native TemplateInstance history(AuditHistory.Page page, AuditHistory.Filter filter, String query,
                boolean platform, Map<Long, String> names, RawString customerOptions);

        static native TemplateInstance event(AuditHistory.Event event, List<FieldChange> changes, String details,
                String customerName);

        static native TemplateInstance verification(AuditHistory.Verification result, boolean platform);
    }

    @Inject
    AuditHistory audit;

    @Inject
    ObjectMapper json;

    @Inject
    CustomerNames customerNames;

    /**
     * The customer picker's options, written here rather than by the template: a template loop over 500
     * customers resolved three expressions each and cost the page three quarters of its time (JFR).
     * Names are escaped; null when there are too many customers for a picker.
     */
    static RawString options(List<CustomerNames.Named> customers, Long selected) {
        if (customers.isEmpty()) {
            return null;
        }
        StringBuilder html = new StringBuilder(customers.size() * 48);
        for (CustomerNames.Named c : customers) {
            html.append("<option value=\"").append(c.id()).append('"')
                    .append(selected != null && selected == c.id() ? " selected" : "").append('>')
                    .append(escape(c.name())).append("</option>");
        }
        return new RawString(html.toString());
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** The names of the customers a page of the history names, from the partner's whole list. */
    static Map<Long, String> names(AuditHistory.Page page, List<CustomerNames.Named> all) {
        java.util.Set<Long> ids = page.events().stream().map(AuditHistory.Event::customerId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        Map<Long, String> names = new java.util.HashMap<>();
        all.stream().filter(c -> ids.contains(c.id())).forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    /** The names of the customers a page of the history names. */
    public Map<Long, String> names(AuditHistory.Page page) {
        return customerNames.of(page.events().stream().map(AuditHistory.Event::customerId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
    }

    @GET
    public TemplateInstance history(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("customerId") Long customerId, @QueryParam("actor") String actor,
            @QueryParam("operation") String operation, @QueryParam("resourceType") String resourceType,
            @QueryParam("before") Long before) {
        AuditHistory.Filter filter = filter(from, to, customerId, actor, operation, resourceType);
        String chain = audit.readableChain();
        AuditHistory.Page page = audit.page(filter, before, PAGE_SIZE);
        boolean platform = AuditService.PLATFORM_CHAIN.equals(chain);
        if (platform) {
            return Templates.history(page, filter, query(filter), true, Map.of(), null);
        }
        // the picker's list (kept per partner) names the page's customers too; a query only past its size
        List<CustomerNames.Named> all = customerNames.all(PICKER_MAX);
        return Templates.history(page, filter, query(filter), false, all.isEmpty() ? names(page) : names(page, all),
                options(all, filter.customerId()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance event(@PathParam("id") long id) throws Exception {
        AuditHistory.Event event = audit.find(id).orElseThrow(NotFoundException::new);
        String name = event.customerId() == null ? null : customerNames.of(List.of(event.customerId())).get(event.customerId());
        return Templates.event(event, changes(event.details()), json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(json.readTree(event.details())), name);
    }

    @GET
    @Path("verify")
    public TemplateInstance verify() {
        String chain = audit.readableChain();
        return Templates.verification(audit.verify(), AuditService.PLATFORM_CHAIN.equals(chain));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("customerId") Long customerId, @QueryParam("actor") String actor,
            @QueryParam("operation") String operation, @QueryParam("resourceType") String resourceType) {
        AuditHistory.Filter filter = filter(from, to, customerId, actor, operation, resourceType);
        String chain = audit.readableChain();
        return Response.ok(AuditExport.csv(audit, filter, chain), "text/csv; charset=UTF-8")
                .header("Content-Disposition", Attachments.named("audit_" + fileLabel(chain) + ".csv")).build();
    }

    public static String fileLabel(String chain) {
        return AuditService.PLATFORM_CHAIN.equals(chain) ? "platform" : chain;
    }

    public static AuditHistory.Filter filter(String from, String to, Long customerId, String actor, String operation,
            String resourceType) {
        if (operation != null && !operation.isBlank()
                && !Set.of("CREATE", "UPDATE", "DELETE", "ACTION").contains(operation.strip().toUpperCase())) {
            throw new BadRequestException("unknown operation");
        }
        LocalDate start = Dates.parse("from", from);
        LocalDate end = Dates.parse("to", to);
        Dates.checkPeriod(start, end);
        return new AuditHistory.Filter(start, end, customerId, blankToNull(actor), blankToNull(operation),
                blankToNull(resourceType));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String query(AuditHistory.Filter filter) {
        StringBuilder q = new StringBuilder();
        filter.described().forEach((k, v) -> {
            if (!v.isEmpty()) {
                q.append(q.length() == 0 ? "" : "&").append(k).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    /** The fields the event changed, from its details' "before" and "after". */
    List<FieldChange> changes(String details) throws Exception {
        Map<String, Object> parsed = json.readValue(details, new TypeReference<Map<String, Object>>() { });
        if (!(parsed.get("before") instanceof Map<?, ?> before) || !(parsed.get("after") instanceof Map<?, ?> after)) {
            return List.of();
        }
        Set<Object> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (Object field : fields) {
            changes.add(new FieldChange(String.valueOf(field), show(before.get(field), before.containsKey(field)),
                    show(after.get(field), after.containsKey(field))));
        }
        return changes;
    }

    private static String show(Object value, boolean present) {
        if (!present) {
            return "—";
        }
        return value == null ? "(none)" : String.valueOf(value);
    }
}
