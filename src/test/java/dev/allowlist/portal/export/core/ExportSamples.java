package dev.allowlist.portal.export.core;

import dev.allowlist.portal.allowlist.core.AllowlistGenerator;
import dev.allowlist.portal.allowlist.core.CustomerProfile;
import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.catalog.core.License;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The allowlists the golden files and the real-parser tests are made of. */
final class ExportSamples {

    static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");
    static final AllowlistGenerator GENERATOR = new AllowlistGenerator(BundledCatalog.get());

    /** The bundled catalog's section titles in English, as ExportService hands them to every format. */
    static final Map<String, String> TITLES = BundledCatalog.get().sections().stream()
            .collect(java.util.stream.Collectors.toMap(s -> s.id(), s -> s.title().in("en")));

    private ExportSamples() {
    }

    /** The wildcard-mode customer's two observed MCS hosts (both under *.sophos.com). */
    static final List<String> WILDCARD_HOSTS = List.of("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com",
            "dzr-mcs-amzn-eu-west-1-2b1c.api-upe.p.hmr.sophos.com");

    static Map<String, ExportFormat.ExportContext> all() {
        return Map.of(
                "wildcard", new ExportFormat.ExportContext("Sakura Trading K.K.", 11, 3, AT,
                        GENERATOR.generate(new CustomerProfile(Set.of(License.ENDPOINT, License.AD_SYNC), List.of("eu-west-1"),
                                true, false, false, false, false), WILDCARD_HOSTS), "proxy.corp.example:3128", TITLES),
                "japan", new ExportFormat.ExportContext("Tokyo Works", 14, 2, AT,
                        GENERATOR.generate(new CustomerProfile(Set.of(License.EDR, License.AD_SYNC), List.of("ap-northeast-1"), true,
                                false, false, false, false), List.of()), null, TITLES),
                "explicit", new ExportFormat.ExportContext("株式会社さくら物産 / Ünïcödé GmbH", 12, 1, AT,
                        GENERATOR.generate(new CustomerProfile(Set.of(License.MTR, License.AD_SYNC), List.of("eu-west-1"), false,
                                false, true, false, true), List.of("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com")),
                        null, TITLES),
                "hostile", new ExportFormat.ExportContext("=HYPERLINK(\"http://evil\")\n# injected\r\n*/ \u2028 </script>", 13, 7, AT,
                        GENERATOR.generate(new CustomerProfile(Set.of(License.EDR), List.of("ap-southeast-2"), false,
                                false, false, false, true), List.of("mcs.sophos.com")), null, TITLES));
    }
}
