package dev.allowlist.portal.system;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small view helpers for templates. */
@TemplateExtension
public class TemplateHelpers {

    private TemplateHelpers() {
    }

    /** {@code {text.urlEncode}}: a query parameter value. */
    static String urlEncode(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
