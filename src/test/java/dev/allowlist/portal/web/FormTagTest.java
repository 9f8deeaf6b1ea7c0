package dev.allowlist.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every form that changes state is written with the {@code {#form}} tag, which carries the CSRF token,
 * so that a new form cannot forget it. The one exception is the unsubscribe page: a mail's link opens
 * it without a session, its token in the path is the authority, and the CSRF filter leaves it out.
 */
class FormTagTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyPostingFormUsesTheFormTag() throws IOException {
        List<String> bare;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            bare = files.filter(f -> f.toString().endsWith(".html"))
                    .filter(f -> !f.endsWith(Path.of("tags", "form.html")))
                    .filter(f -> !f.endsWith(Path.of("UnsubscribeResource", "unsubscribe.html")))
                    .filter(FormTagTest::hasBarePostForm).map(f -> TEMPLATES.relativize(f).toString()).toList();
        }
        assertThat(bare).as("templates with a <form method=\"post\"> instead of {#form}").isEmpty();
    }

    @Test
    void theFormTagCarriesTheCsrfToken() throws IOException {
        assertThat(Files.readString(TEMPLATES.resolve("tags/form.html")))
                .contains("<form method=\"post\"", "name=\"{inject:csrf.parameterName}\" value=\"{inject:csrf.token}\"");
    }

    private static boolean hasBarePostForm(Path file) {
        try {
            return Files.readString(file).toLowerCase().matches("(?s).*<form[^>]*method=\"post\".*");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
