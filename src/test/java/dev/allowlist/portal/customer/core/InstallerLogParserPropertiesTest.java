package dev.allowlist.portal.customer.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.PropertyCheck;
import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.catalog.core.DomainName;
import dev.allowlist.portal.customer.InstallerLogs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Garbage in: the parser either refuses the file as not text or returns valid, normalised hosts. Never anything else. */
class InstallerLogParserPropertiesTest {

    static final InstallerLogParser PARSER = new InstallerLogParser(BundledCatalog.get()::isVendorDomain);

    @Test
    void randomBytesAreRefusedOrParsed() {
        PropertyCheck.forAll("random bytes are refused or parsed", random -> {
            byte[] bytes = new byte[random.nextInt(4) == 0 ? random.nextInt(4096) : random.nextInt(64)];
            random.nextBytes(bytes);
            return bytes;
        }).tries(1000).shrinking(InstallerLogParserPropertiesTest::halves).check(InstallerLogParserPropertiesTest::check);
    }

    static final List<String> MARKERS = List.of("Model::server value changed to: ", "Opening connection to ",
            "2026-11-20 09:41:17.345 [1:2] I Opening connection to ", "x Opening connection to ");
    static final List<String> VALUES = List.of("mcs.sophos.com", "https://a.sophos.com:443/x", "\"b.sophosupd.net\"",
            "[::1]", "10.0.0.1", "ä.sophos.com", "-bad-.sophos.com", "a..b", "");
    static final List<String> LINE_BREAKS = List.of("\n", "\r\n", "\r");

    /** Any text up to 80 characters: ASCII, controls, Latin, CJK, surrogate pairs and lone surrogates. */
    static String noise(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(81);
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 2 -> text.append((char) (0xa0 + random.nextInt(0x160)));
                case 3 -> text.append((char) (0x3040 + random.nextInt(0x60d0)));
                case 4 -> text.appendCodePoint(0x1f300 + random.nextInt(0x300));
                default -> text.append((char) (0xd800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }

    record Lines(List<String> lines, String lineBreak) {
        String text() {
            return String.join(lineBreak, lines);
        }
    }

    static Lines lines(Random random) {
        List<String> lines = new ArrayList<>();
        int count = random.nextInt(31);
        for (int i = 0; i < count; i++) {
            if (random.nextBoolean()) {
                lines.add(noise(random));
            } else {
                String value = random.nextBoolean() ? noise(random) : VALUES.get(random.nextInt(VALUES.size()));
                lines.add(MARKERS.get(random.nextInt(MARKERS.size())) + value);
            }
        }
        return new Lines(lines, LINE_BREAKS.get(random.nextInt(LINE_BREAKS.size())));
    }

    @Test
    void randomLinesAreRefusedOrParsed() {
        PropertyCheck.forAll("random lines are refused or parsed", InstallerLogParserPropertiesTest::lines).tries(1000)
                .shrinking(l -> PropertyCheck.withoutOne(l.lines()).stream().map(s -> new Lines(s, l.lineBreak())).toList())
                .check(l -> {
                    check(l.text().getBytes(StandardCharsets.UTF_8));
                    check(InstallerLogs.encode(l.text(), StandardCharsets.UTF_16LE, true));
                });
    }

    /** The first half, the second half, and the bytes with one left out (short arrays only). */
    static List<byte[]> halves(byte[] bytes) {
        List<byte[]> smaller = new ArrayList<>();
        if (bytes.length > 1) {
            smaller.add(Arrays.copyOfRange(bytes, 0, bytes.length / 2));
            smaller.add(Arrays.copyOfRange(bytes, bytes.length / 2, bytes.length));
        }
        if (bytes.length <= 64) {
            for (int i = 0; i < bytes.length; i++) {
                byte[] without = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, without, 0, i);
                System.arraycopy(bytes, i + 1, without, i, bytes.length - i - 1);
                smaller.add(without);
            }
        }
        return smaller;
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
