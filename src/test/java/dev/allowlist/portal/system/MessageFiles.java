package dev.allowlist.portal.system;

import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The message files as a translator edits them, for tests that need no running portal. */
public final class MessageFiles {

    private MessageFiles() {
    }

    /** Every message of a language, the bundles' files together. */
    public static Properties of(String language) {
        Properties all = new Properties();
        for (Class<?> bundle : I18n.BUNDLES) {
            all.putAll(of(bundle, language));
        }
        return all;
    }

    /** One bundle's file of a language: {@code messages/<bundle name>_<language>.properties}. */
    public static Properties of(Class<?> bundle, String language) {
        String name = bundle.getAnnotation(MessageBundle.class).value();
        Properties properties = new Properties();
        try (InputStream in = MessageFiles.class.getResourceAsStream("/messages/" + name + "_" + language + ".properties")) {
            // read as Qute reads it: key=value, one per line, a backslash kept as it is (Properties would drop it)
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int equals = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                    properties.setProperty(line.substring(0, equals).strip(), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Whether a language has the message of a key as the code names it at run time ({@code resource.check-token}). */
    public static boolean has(String language, String key) {
        return of(language).containsKey(I18n.methodName(key));
    }
}
