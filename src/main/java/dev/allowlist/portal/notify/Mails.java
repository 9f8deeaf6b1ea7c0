package dev.allowlist.portal.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.MonitorMessages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;

/**
 * The e-mails: rendered from Qute templates (an HTML part and a plain-text part) in the recipient's
 * language, the text of each event from the message bundles.
 */
@ApplicationScoped
public class Mails {

    /** A rendered e-mail. */
    public record Rendered(String subject, String html, String text, String unsubscribe) {
    }

    @Inject
    @Location("mail/message.html")
    Template html;

    @Inject
    @Location("mail/message.txt")
    Template text;

    Rendered render(String language, String subject, List<String> lines, String link, String unsubscribe) {
        var data = new HashMap<String, Object>();
        data.put("language", language);
        data.put("subject", subject);
        data.put("lines", lines);
        data.put("link", link);
        data.put("linkText", I18n.monitorMessages(language).mail_open());
        data.put("footer", I18n.monitorMessages(language).mail_footer());
        data.put("unsubscribe", unsubscribe);
        data.put("unsubscribeText", I18n.monitorMessages(language).mail_unsubscribe());
        return new Rendered(subject, html.data(data).render(), text.data(data).render(), unsubscribe);
    }

    Rendered event(String language, JsonNode event, String publicUrl, String unsubscribe) {
        String summary = summary(language, event);
        return render(language, summary, List.of(summary), event.path("data").path("link").asText(publicUrl), unsubscribe);
    }

    Rendered disabled(String language, String target, String reason, String link) {
        return render(language, I18n.monitorMessages(language).mail_disabled_subject(target),
                List.of(I18n.monitorMessages(language).mail_disabled_body(target, reason)), link, null);
    }

    Rendered digest(String language, String partner, List<String> lines, String link, String unsubscribe) {
        return render(language, I18n.monitorMessages(language).mail_digest_subject(partner), lines, link, unsubscribe);
    }

    /** One line that says what happened, in the language. */
    static String summary(String language, JsonNode event) {
        JsonNode d = event.path("data");
        MonitorMessages msg = I18n.monitorMessages(language);
        return switch (event.path("type").asText()) {
            case NotificationService.VERSION -> msg.mail_version(d.path("customerName").asText(),
                    String.valueOf(d.path("version").asInt()), I18n.messageIn(language, "cause." + d.path("cause").asText()));
            case NotificationService.CATALOG -> msg.mail_catalog(d.path("catalogVersion").asText(),
                    String.valueOf(d.path("customersChanged").asInt()));
            case NotificationService.PENDING -> msg.mail_pending(d.path("customerName").asText(),
                    String.valueOf(d.path("version").asInt()), d.path("days").asInt());
            case NotificationService.STALE_FEED -> msg.mail_staleFeed(d.path("customerName").asText(),
                    d.path("format").asText(), d.path("hours").asInt());
            case NotificationService.CHECK_FAILED -> msg.mail_checkFailed(d.path("customerName").asText(),
                    d.path("machine").asText(), d.path("failed").asInt(),
                    d.path("passed").asInt() + d.path("failed").asInt());
            default -> msg.mail_test();
        };
    }
}
