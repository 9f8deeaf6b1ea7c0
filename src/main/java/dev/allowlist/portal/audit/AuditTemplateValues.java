package dev.allowlist.portal.audit;

import dev.allowlist.portal.audit.core.ResourceType;
import io.quarkus.qute.TemplateExtension;
import java.util.Arrays;
import java.util.List;

/** The choices of the history's filters: {@code {audit:operations}}, {@code {audit:resourceTypes}}. */
@TemplateExtension(namespace = "audit")
class AuditTemplateValues {

    private AuditTemplateValues() {
    }

    static List<String> operations() {
        return Arrays.stream(AuditService.Operation.values()).map(Enum::name).toList();
    }

    static List<String> resourceTypes() {
        return ResourceType.filterChoices();
    }
}
