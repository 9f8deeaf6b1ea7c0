package dev.allowlist.portal.customer.core;

import static dev.allowlist.portal.customer.InstallerLogs.EU_HOST;
import static dev.allowlist.portal.customer.InstallerLogs.HYDRA_HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.customer.InstallerLogs;
import dev.allowlist.portal.customer.core.InstallerLogParser.IgnoreReason;
import dev.allowlist.portal.customer.core.InstallerLogParser.IgnoredLine;
import dev.allowlist.portal.customer.core.InstallerLogParser.ObservedHost;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstallerLogParserTest {

    static final InstallerLogParser PARSER = new InstallerLogParser(BundledCatalog.get()::isVendorDomain);

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of(StandardCharsets.UTF_8, false, "\r\n", "UTF-8"),
                Arguments.of(StandardCharsets.UTF_8, false, "\n", "UTF-8"),
                Arguments.of(StandardCharsets.UTF_8, true, "\r\n", "UTF-8 (BOM)"),
                Arguments.of(StandardCharsets.UTF_16LE, true, "\r\n", "UTF-16LE"),
                Arguments.of(StandardCharsets.UTF_16LE, true, "\n", "UTF-16LE"),
                Arguments.of(StandardCharsets.UTF_16BE, true, "\r\n", "UTF-16BE"),
                Arguments.of(StandardCharsets.UTF_16BE, true, "\n", "UTF-16BE"));
    }

    @ParameterizedTest(name = "{3} {2}")
    @MethodSource("encodings")
    void extractsTheExactHostsInEveryEncodingAndLineEnding(Charset charset, boolean bom, String eol, String name)
            throws Exception {
        InstallerLogParser.Result result = PARSER.parse(InstallerLogs.encode(InstallerLogs.typical(eol), charset, bom));

        assertThat(result.encoding()).isEqualTo(name);
        assertThat(result.lines()).isEqualTo(13);
        assertThat(result.hosts()).extracting(ObservedHost::host)
                .containsExactly(EU_HOST, HYDRA_HOST, "d1.sophosupd.com");
        assertThat(result.hosts().get(0)).isEqualTo(new ObservedHost(EU_HOST, 4, 12, "2026-11-20 09:41:17.345",
                "2026-11-20 09:42:01.777", 3));
        assertThat(result.ignored()).extracting(IgnoredLine::line, IgnoredLine::value, IgnoredLine::reason).containsExactly(
                tuple(9, "proxy.corp.example", IgnoreReason.NOT_A_SOPHOS_DOMAIN),
                tuple(10, "10.20.30.40:443", IgnoreReason.NOT_A_HOST_NAME),
                tuple(11, "2026-11-20 09:41:20.500 [ 4120:  5012] I Retry: previous message was 'Opening connection to evil.example'",
                        IgnoreReason.MARKER_NOT_AT_LINE_START));
        assertThat(result.ignoredCount()).isEqualTo(3);
    }

    @Test
    void truncatedLastLineAndLastCharacterAreAccepted() throws Exception {
        String log = InstallerLogs.typical("\r\n") + "\r\n2026-11-20 09:43:00.000 [1:2] I Opening connection to t1.sophosupd.com:44";
        byte[] utf8 = InstallerLogs.encode(log + "ü", StandardCharsets.UTF_8, false);
        byte[] cut = Arrays.copyOf(utf8, utf8.length - 1); // half of the two-byte ü
        assertThat(PARSER.parse(cut).hosts()).extracting(ObservedHost::host).contains("t1.sophosupd.com");
        byte[] utf16 = InstallerLogs.encode(log, StandardCharsets.UTF_16LE, true);
        assertThat(PARSER.parse(Arrays.copyOf(utf16, utf16.length - 1)).hosts()).extracting(ObservedHost::host)
                .contains("t1.sophosupd.com");
    }

    @Test
    void valuesAsBareHostsHostPortUrlsAndQuotedAreUnderstood() throws Exception {
        String log = String.join("\n",
                "Model::server value changed to: MCS1.Sophos.COM",
                "Model::server value changed to: 'mcs2.sophos.com'",
                "[2026-11-20T09:41:17Z] INFO Opening connection to https://user@mcs3.sophos.com:8443/path?x=1#y",
                "12/20/2026 9:41:17 PM Opening connection to “mcs4.sophos.com”.",
                "WARNING | Opening connection to mcs5.sophos.com:443, retrying",
                "Model::server value changed to: https://bücher.sophos.com/",
                "Model::server value changed to:",
                "Model::server value changed to: [2001:db8::1]:443");
        InstallerLogParser.Result result = PARSER.parse(log.getBytes(StandardCharsets.UTF_8));
        assertThat(result.hosts()).extracting(ObservedHost::host).containsExactly("mcs1.sophos.com", "mcs2.sophos.com",
                "mcs3.sophos.com", "mcs4.sophos.com", "mcs5.sophos.com", "xn--bcher-kva.sophos.com");
        assertThat(result.hosts().get(2).firstTimestamp()).isEqualTo("2026-11-20T09:41:17Z");
        assertThat(result.ignored()).extracting(IgnoredLine::line, IgnoredLine::reason)
                .containsExactly(tuple(7, IgnoreReason.NO_VALUE), tuple(8, IgnoreReason.NOT_A_HOST_NAME));
    }

    @Test
    void aLogWithoutMarkersYieldsNothing() throws Exception {
        InstallerLogParser.Result result = PARSER.parse("just\nsome\ntext\n".getBytes(StandardCharsets.UTF_8));
        assertThat(result.hosts()).isEmpty();
        assertThat(result.ignored()).isEmpty();
        assertThat(result.lines()).isEqualTo(3);
    }

    @Test
    void aLegacyCodePageIsReadForItsAsciiHosts() throws Exception {
        String log = "2026-11-20 09:41:17 I インストール開始\r\n2026-11-20 09:41:18 I Opening connection to mcs.sophos.com\r\n";
        assertThat(PARSER.parse(log.getBytes(Charset.forName("Shift_JIS"))).hosts()).extracting(ObservedHost::host)
                .containsExactly("mcs.sophos.com");
    }

    @Test
    void binaryFilesAreRefusedWithWhatTheyLookLike() {
        List<byte[]> samples = List.of(
                new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 },
                new byte[] { (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 },
                new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 },
                new byte[] { 0x4D, 0x5A, (byte) 0x90, 0x00 },
                "text\u0000with NUL".getBytes(StandardCharsets.UTF_8),
                new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17 });
        for (byte[] sample : samples) {
            assertThatThrownBy(() -> PARSER.parse(sample)).isInstanceOf(InstallerLogParser.NotTextException.class);
        }
        assertThatThrownBy(() -> PARSER.parse(samples.get(0))).hasMessageContaining("zip archive");
        assertThatThrownBy(() -> PARSER.parse(samples.get(1))).hasMessageContaining("PNG image");
        // UTF-16 that is not valid UTF-16 (an unpaired surrogate)
        assertThatThrownBy(() -> PARSER.parse(new byte[] { (byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xD8, 0x41, 0x00 }))
                .isInstanceOf(InstallerLogParser.NotTextException.class);
    }
}
