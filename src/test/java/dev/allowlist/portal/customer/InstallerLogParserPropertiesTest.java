package dev.allowlist.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.catalog.DomainName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Garbage in: the parser either refuses the file as not text or returns valid, normalised hosts. Never anything else. */
class InstallerLogParserPropertiesTest {

    static final InstallerLogParser PARSER = new InstallerLogParser(BundledCatalog.get()::isVendorDomain);

    @Property(tries = 1000)
    void randomBytesAreRefusedOrParsed(@ForAll byte[] bytes) {
        check(bytes);
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(80);
        Arbitrary<String> marker = Arbitraries.of("Model::server value changed to: ", "Opening connection to ",
                "2026-11-20 09:41:17.345 [1:2] I Opening connection to ", "x Opening connection to ");
        Arbitrary<String> value = Arbitraries.oneOf(noise, Arbitraries.of("mcs.sophos.com", "https://a.sophos.com:443/x",
                "\"b.sophosupd.net\"", "[::1]", "10.0.0.1", "ä.sophos.com", "-bad-.sophos.com", "a..b", ""));
        Arbitrary<String> line = Arbitraries.oneOf(noise, marker.flatMap(m -> value.map(v -> m + v)));
        return line.list().ofMaxSize(30).map(l -> String.join(Arbitraries.of("\n", "\r\n", "\r").sample(), l));
    }

    @Property(tries = 1000)
    void randomLinesAreRefusedOrParsed(@ForAll("lines") String text) {
        check(text.getBytes(StandardCharsets.UTF_8));
        check(InstallerLogs.encode(text, StandardCharsets.UTF_16LE, true));
    }

    private static void check(byte[] bytes) {
        try {
            InstallerLogParser.Result result = PARSER.parse(bytes);
            for (InstallerLogParser.ObservedHost host : result.hosts()) {
                assertThat(DomainName.normalizeHost(host.host())).isEqualTo(host.host());
                assertThat(BundledCatalog.get().isVendorDomain(host.host())).isTrue();
                assertThat(host.firstLine()).isBetween(1, host.lastLine());
            }
            assertThat(result.ignored().size()).isLessThanOrEqualTo(result.ignoredCount());
        } catch (InstallerLogParser.NotTextException refused) {
            assertThat(refused.kind()).isNotBlank();
        }
    }

}
