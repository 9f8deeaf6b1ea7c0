package dev.allowlist.portal.audit;

import io.quarkus.qute.TemplateExtension;
import java.util.List;

/** The choices of the history's filters: {@code {audit:operations}}, {@code {audit:resourceTypes}}. */
@TemplateExtension(namespace = "audit")
class AuditTemplateValues {

    private AuditTemplateValues() {
    }

    static List<String> operations() {
        return List.of("CREATE", "UPDATE", "DELETE", "ACTION");
    }

    static List<String> resourceTypes() {
        return List.of("customer", "mcs-host", "installer-log", "export", "feed", "applied-version", "partner", "catalog");
    }
}
