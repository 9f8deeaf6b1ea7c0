package dev.allowlist.portal.system;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;

/** Small view helpers for templates. */
@TemplateExtension
public class TemplateHelpers {

    private TemplateHelpers() {
    }

    /** {@code {text.urlEncode}}: a query parameter value. */
    static String urlEncode(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * {@code {count.grouped}}: a quantity with thousands separators, rounded to a whole number. English and
     * Japanese both group by three with a comma, so the format does not depend on the page's language.
     */
    public static String grouped(Number number) {
        return number == null ? "" : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(number);
    }
}
