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

    /** {@code {event.occurredAt.when}}: a time in the viewer's zone, to the second, the zone named. */
    public static String when(java.time.Instant instant) {
        return ViewerZone.format(instant);
    }

    /** {@code {feed.lastPulledAt.when}}: the same for a time with an offset. */
    public static String when(java.time.OffsetDateTime time) {
        return time == null ? "" : ViewerZone.format(time.toInstant());
    }

    /**
     * {@code {count.grouped}}: a quantity with thousands separators, rounded to a whole number. English and
     * Japanese both group by three with a comma, so the format does not depend on the page's language.
     */
    public static String grouped(Number number) {
        return number == null ? "" : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(number);
    }
}
