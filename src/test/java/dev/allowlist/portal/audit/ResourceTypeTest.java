package dev.allowlist.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.MessageFiles;
import org.junit.jupiter.api.Test;

class ResourceTypeTest {

    @Test
    void storedNamesReadBackAndAnUnknownOneIsOther() {
        for (ResourceType type : ResourceType.values()) {
            assertThat(ResourceType.of(type.storedName())).isEqualTo(type);
        }
        assertThat(ResourceType.of("written-by-a-newer-portal")).isEqualTo(ResourceType.OTHER);
        assertThat(ResourceType.of(null)).isEqualTo(ResourceType.OTHER);
    }

    /** The history's filter once offered 8 of the 15 types: subscriptions, checks and imports could not be chosen. */
    @Test
    void theHistorysFilterOffersEveryTypeWithALabelInBothLanguages() {
        assertThat(AuditTemplateValues.resourceTypes()).hasSize(ResourceType.values().length - 1)
                .contains("subscription", "digest", "check-token", "check-report", "reconciliation", "customer-import",
                        "audit")
                .doesNotContain("other");
        for (String language : I18n.LANGUAGES) {
            for (String type : AuditTemplateValues.resourceTypes()) {
                assertThat(MessageFiles.has(language, "resource." + type)).as(language + ": resource." + type).isTrue();
            }
        }
        assertThat(AuditTemplateValues.operations()).containsExactly("CREATE", "UPDATE", "DELETE", "ACTION");
    }
}
