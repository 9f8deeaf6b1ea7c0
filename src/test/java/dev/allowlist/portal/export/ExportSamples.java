package dev.allowlist.portal.export;

import dev.allowlist.portal.allowlist.AllowlistGenerator;
import dev.allowlist.portal.allowlist.CustomerProfile;
import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.catalog.License;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The allowlists the golden files and the real-parser tests are made of. */
final class ExportSamples {

    static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");
    static final AllowlistGenerator GENERATOR = new AllowlistGenerator(BundledCatalog.get());

    private ExportSamples() {
    }

    static Map<String, ExportFormat.ExportContext> all() {
        return Map.of(
                "wildcard", new ExportFormat.ExportContext("Sakura Trading K.K.", 11, 3, AT,
                        GENERATOR.generate(new CustomerProfile(Set.of(License.ENDPOINT, License.AD_SYNC), List.of("eu-west-1"),
                                true, false, false, false, false), List.of()), "proxy.corp.example:3128"),
                "explicit", new ExportFormat.ExportContext("株式会社さくら物産 / Ünïcödé GmbH", 12, 1, AT,
                        GENERATOR.generate(new CustomerProfile(Set.of(License.MTR, License.AD_SYNC), List.of("eu-west-1"), false,
                                false, true, false, true), List.of("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com")),
                        null),
                "hostile", new ExportFormat.ExportContext("=HYPERLINK(\"http://evil\")\n# injected\r\n*/ \u2028 </script>", 13, 7, AT,
                        GENERATOR.generate(new CustomerProfile(Set.of(License.EDR), List.of("ap-southeast-2"), false,
                                false, false, false, true), List.of("mcs.sophos.com")), null));
    }
}
