package dev.allowlist.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.system.I18n;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text a template uses exists in both languages, and both bundles hold the same keys. */
class MessagesTest {

    @Test
    void idsAndVersionNumbersAreNotGroupedLikeQuantities() {
        for (String language : new String[] { "en", "ja" }) {
            ResourceBundle bundle = I18n.bundle(Locale.forLanguageTag(language));
            assertThat(I18n.format(bundle, "audit.event", 12345L)).contains("12345");
            assertThat(I18n.format(bundle, "audit.broken", 12345L, "t", "p")).contains("12345");
            assertThat(I18n.format(bundle, "audit.customer", 100234L)).contains("#100234");
            assertThat(I18n.format(bundle, "changes.pending", 1500, 1234)).contains("v1234");
            assertThat(I18n.format(bundle, "catalogs.sample", "acme", 100234L)).contains("#100234");
        }
        // a pattern parsed once serves many threads (formatted from clones)
        ResourceBundle en = I18n.bundle(Locale.ENGLISH);
        List<String> formatted = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> I18n.format(en, "audit.event", (long) i)).toList();
        for (int i = 0; i < 2000; i++) {
            assertThat(formatted.get(i)).isEqualTo("Audit event " + i);
        }
    }

    /**
     * Every message, in both languages, formatted with as many arguments as it has placeholders: each
     * argument shows, no placeholder is left, and every apostrophe of the text survives (MessageFormat
     * reads a lone apostrophe as a quote and leaves the rest unformatted).
     */
    @Test
    void everyMessageFormatsAllItsArgumentsInBothLanguages() throws IOException {
        Pattern placeholder = Pattern.compile("\\{(\\d+)[^}]*}");
        int checked = 0;
        for (String language : new String[] { "en", "ja" }) {
            ResourceBundle bundle = I18n.bundle(Locale.forLanguageTag(language));
            for (String key : Collections.list(bundle.getKeys())) {
                String pattern = bundle.getString(key);
                int count = 0;
                Matcher m = placeholder.matcher(pattern);
                while (m.find()) {
                    count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
                }
                if (count == 0) {
                    continue;
                }
                Object[] args = new Object[count];
                for (int i = 0; i < count; i++) {
                    boolean numeric = pattern.contains("{" + i + ",number") || pattern.contains("{" + i + ",choice");
                    args[i] = numeric ? (Object) (long) (7000 + i) : "ARG" + i + "X";
                }
                String formatted = I18n.format(bundle, key, args);
                for (int i = 0; i < count; i++) {
                    if (pattern.contains("{" + i + "}") || pattern.contains("{" + i + ",number}")) {
                        assertThat(formatted).as(language + " " + key).containsAnyOf("ARG" + i + "X", "" + (7000 + i),
                                "7," + (i < 10 ? "00" : "0") + i);
                    }
                }
                assertThat(formatted).as(language + " " + key).doesNotContainPattern("\\{\\d");
                assertThat(formatted.chars().filter(c -> c == '\'').count()).as(language + " " + key + ": apostrophes")
                        .isEqualTo(pattern.chars().filter(c -> c == '\'').count());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void englishAndJapaneseHaveTheSameKeys() throws IOException {
        assertThat(load("portal_ja.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("portal.properties").stringPropertyNames());
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = load("portal.properties").stringPropertyNames();
        Set<String> used = new HashSet<>();
        Pattern literal = Pattern.compile("m:t\\('([^']+)'");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void templatesHoldNoLiteralUiText() throws IOException {
        // text between tags that is not an expression, a symbol or a language name of the switcher
        Pattern text = Pattern.compile(">\\s*([A-Za-z][A-Za-z ,.'!?]{2,})\\s*<");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = text.matcher(Files.readString(file));
                while (m.find()) {
                    assertThat(m.group(1)).as(file + " has literal text").isIn("English");
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
