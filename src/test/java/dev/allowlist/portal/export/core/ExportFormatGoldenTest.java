package dev.allowlist.portal.export.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format for several allowlists against files checked in under src/test/resources/golden.
 * A changed rendering fails here; to accept one on purpose run with -Dgolden.update=true and review
 * the diff of the golden files.
 */
class ExportFormatGoldenTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, ExportFormat.ExportContext> sample : ExportSamples.all().entrySet()) {
            for (ExportFormat format : ExportFormats.all()) {
                cases.add(Arguments.of(sample.getKey(), format));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesItsGoldenFile(String sample, ExportFormat format) throws IOException {
        String rendered = format.render(ExportSamples.all().get(sample)).content();
        assertThat(rendered).endsWith("\n").doesNotContain("\r").doesNotStartWith("\uFEFF");
        Path golden = Path.of("src/test/resources/golden", sample + "." + format.id() + "." + format.extension());
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
            assertThat(Boolean.getBoolean("golden.update")).as("golden file %s was missing: written, review it", golden)
                    .isTrue();
        }
        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
