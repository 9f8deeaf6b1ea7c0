package dev.allowlist.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.system.CustomerMessages;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.MessageFiles;
import dev.allowlist.portal.system.MonitorMessages;
import dev.allowlist.portal.system.PortalMessages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The messages as the portal renders them. The build already refuses a template that names a message
 * the bundle lacks or passes it the wrong number of arguments; these tests hold what it cannot: both
 * files hold every message, every message shows every argument in both languages, and quantities are
 * grouped while ids and versions are not.
 */
@QuarkusTest
class MessagesTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(\\.grouped)?}");

    @Test
    void englishAndJapaneseHoldEveryMessageOfEachBundle() {
        int names = 0;
        for (Class<?> bundle : I18n.BUNDLES) {
            Set<String> methods = Arrays.stream(bundle.getMethods()).map(Method::getName).collect(Collectors.toSet());
            assertThat(MessageFiles.of(bundle, "en").stringPropertyNames()).as(bundle.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(methods);
            assertThat(MessageFiles.of(bundle, "ja").stringPropertyNames()).as(bundle.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(methods);
            assertThat(methods).as("Quarkus generates a bundle of more than 300 messages wrongly").hasSizeLessThanOrEqualTo(300);
            names += methods.size();
        }
        // a key known only at run time names one message, whichever bundle holds it
        assertThat(MessageFiles.of("en")).hasSize(names);
    }

    @Test
    void idsAndVersionNumbersAreNotGroupedLikeQuantities() {
        for (String language : I18n.LANGUAGES) {
            PortalMessages msg = I18n.messages(language);
            CustomerMessages customers = I18n.customerMessages(language);
            assertThat(msg.audit_event(12345L)).contains("12345");
            assertThat(msg.audit_broken(12345L, "t", "p")).contains("12345");
            assertThat(msg.audit_customer(100234L)).contains("#100234");
            assertThat(customers.customers_statePendingRow(1234, 1500)).contains("v1234").contains("v1500");
            assertThat(msg.catalogs_sampleOf("Acme MSP", 100234L)).contains("#100234");
            assertThat(customers.customers_count(1234567)).contains("1,234,567");
        }
        // one bundle serves many threads at once
        PortalMessages en = I18n.messages("en");
        List<String> formatted = IntStream.range(0, 2000).parallel().mapToObj(i -> en.audit_event((long) i)).toList();
        for (int i = 0; i < 2000; i++) {
            assertThat(formatted.get(i)).isEqualTo("Audit event " + i);
        }
    }

    /**
     * Every message, in both languages, called with an argument per parameter: each argument shows (a
     * quantity grouped), no parameter is left unrendered, every apostrophe of the text survives, and the
     * text is the language's own.
     */
    @Test
    void everyMessageShowsAllItsArgumentsInBothLanguages() throws Exception {
        int checked = 0;
        for (String language : I18n.LANGUAGES) {
            for (Class<?> bundle : I18n.BUNDLES) {
                Object msg = I18n.bundle(bundle, language);
                Properties file = MessageFiles.of(bundle, language);
                for (Method method : bundle.getMethods()) {
                    String text = file.getProperty(method.getName());
                    Class<?>[] types = method.getParameterTypes();
                    Object[] args = new Object[types.length];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = argument(types[i], i);
                    }
                    String rendered = (String) method.invoke(msg, args);
                    String name = language + " " + method.getName();
                    for (int i = 0; i < args.length; i++) {
                        assertThat(rendered).as(name).containsAnyOf("ARG" + i + "X", "7,00" + i, "700" + i, "2026-12-0" + (i + 1));
                    }
                    assertThat(rendered).as(name).doesNotContainPattern("\\{[A-Za-z0-9]");
                    assertThat(rendered.chars().filter(c -> c == '\'').count()).as(name + ": apostrophes")
                            .isEqualTo(text.chars().filter(c -> c == '\'').count());
                    String literal = PARAMETER.split(text, -1)[0];
                    assertThat(rendered).as(name + ": the language's own text").startsWith(literal);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    /** A value of a parameter's type that shows where it lands: ARG0X, 7,000 or 7000, 2026-12-01. */
    private static Object argument(Class<?> type, int i) {
        if (type == int.class || type == Integer.class) {
            return 7000 + i;
        }
        if (type == long.class || type == Long.class || type == Number.class) {
            return 7000L + i;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 12, i + 1);
        }
        return "ARG" + i + "X";
    }

    /** English counts agree with their nouns: one customer, two customers; no "host(s)" left. */
    @Test
    void englishPluralsAgreeWithTheirCounts() {
        for (Class<?> bundle : I18n.BUNDLES) {
            MessageFiles.of(bundle, "en").forEach((key, text) -> assertThat((String) text).as((String) key)
                    .doesNotContain("(s)", "(ies)", "(es)"));
        }
        CustomerMessages customers = I18n.customerMessages("en");
        PortalMessages msg = I18n.messages("en");
        MonitorMessages monitor = I18n.monitorMessages("en");
        assertThat(customers.customers_count(1)).isEqualTo("1 customer");
        assertThat(customers.customers_count(2)).isEqualTo("2 customers");
        assertThat(customers.allowlist_count(1)).isEqualTo("1 entry");
        assertThat(customers.allowlist_count(1500)).isEqualTo("1,500 entries");
        assertThat(msg.dashboard_checkFailed(1, java.time.LocalDate.of(2026, 12, 1))).startsWith("1 host failed");
        assertThat(msg.dashboard_reconcileMissing(3, java.time.LocalDate.of(2026, 12, 1))).startsWith("3 entries missing");
        assertThat(msg.dashboard_days(1)).isEqualTo("1 day");
        assertThat(msg.catalogs_confirmImpact(1, 1)).isEqualTo("1 customer of 1 partner gets a new allowlist version.");
        assertThat(msg.catalogs_confirmImpact(120, 3)).isEqualTo("120 customers of 3 partners get a new allowlist version.");
        assertThat(msg.error_import_hasErrors(1, "4")).startsWith("1 row has errors");
        assertThat(monitor.checks_rules(1)).isEqualTo("Asked for by 1 rule");
        assertThat(I18n.customerMessages("ja").customers_count(1)).isEqualTo("顧客 1 件");
    }

    @Test
    void aKeyKnownOnlyAtRunTimeFindsItsMessage() {
        assertThat(I18n.messageIn("en", "license.EDR")).isEqualTo(MessageFiles.of("en").getProperty("license_EDR"));
        assertThat(I18n.messageIn("ja", "resource.check-token")).isEqualTo(MessageFiles.of("ja").getProperty("resource_check_token"));
        assertThat(I18n.messageIn("en", "error.tooLong", 200)).isEqualTo("At most 200 characters.");
        assertThat(I18n.messageIn("en", "error.tooLong", 2000)).isEqualTo("At most 2,000 characters.");
        assertThat(I18n.messageIn("en", "warning.NEEDS_WILDCARD", "*.example.com", "ignored")).startsWith("*.example.com ");
        assertThat(I18n.messageIn("en", "no.such.key")).isEqualTo("no.such.key");
    }

    @Inject
    I18n i18n;

    /** A request's run-time key with two text arguments once bound to the static (language, key) form. */
    @Test
    void aRequestsKeyWithTextArgumentsIsTheKeyNotALanguage() {
        assertThat(i18n.message("notRegistered.reason.UNKNOWN_PARTNER", "acme"))
                .isEqualTo("Your identity provider names the organisation \"acme\", which is not registered.");
        assertThat(i18n.message("warning.HOST_REGION_MISMATCH", "mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com", "eu-west-1"))
                .startsWith("The observed host mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com names region eu-west-1");
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
}
