package dev.allowlist.portal.system;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request's language (the {@code lang} cookie set by the switcher, else Accept-Language, else
 * English) and its messages from {@code messages/portal_<lang>.properties}.
 */
@RequestScoped
@Named("i18n")
public class I18n {

    public static final List<String> LANGUAGES = List.of("en", "ja");
    public static final String COOKIE = "lang";

    @Inject
    HttpServerRequest request;

    private Locale locale;

    public Locale locale() {
        if (locale == null) {
            locale = Locale.forLanguageTag(chooseLanguage());
        }
        return locale;
    }

    public String language() {
        return locale().getLanguage();
    }

    private String chooseLanguage() {
        Cookie cookie = request.getCookie(COOKIE);
        return languageOf(cookie == null ? null : cookie.getValue(), request.getHeader("Accept-Language"));
    }

    /** The language of a request: the {@code lang} cookie's, else the first of Accept-Language we have, else English. */
    public static String languageOf(String cookie, String acceptLanguage) {
        if (cookie != null && LANGUAGES.contains(cookie)) {
            return cookie;
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (range.getWeight() > 0 && LANGUAGES.contains(language)) {
                        return language;
                    }
                }
            } catch (IllegalArgumentException e) {
                return "en"; // a malformed header chooses nothing
            }
        }
        return "en";
    }

    /** A message in a given language, outside a request (e-mails the delivery worker sends). */
    public static String in(String language, String key, Object... args) {
        return format(bundle("ja".equals(language) ? Locale.JAPANESE : Locale.ENGLISH), key, args);
    }

    public String t(String key, Object... args) {
        return format(bundle(locale()), key, args);
    }

    private static final ConcurrentHashMap<Locale, ResourceBundle> BUNDLES =
            new ConcurrentHashMap<>();
    /** Parsed patterns by language and key; formatted from a clone (MessageFormat is not thread-safe). */
    private static final ConcurrentHashMap<String, MessageFormat> FORMATS =
            new ConcurrentHashMap<>();

    public static ResourceBundle bundle(Locale locale) {
        return BUNDLES.computeIfAbsent(locale, l -> ResourceBundle.getBundle("messages.portal", l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public static String format(ResourceBundle bundle, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        // the bundles write apostrophes as text ("customer's"); MessageFormat would read one as a quote
        // and leave the rest of the message, arguments included, unformatted
        MessageFormat parsed = FORMATS.computeIfAbsent(bundle.getLocale() + "|" + key,
                k -> new MessageFormat(pattern.replace("'", "''"), bundle.getLocale()));
        return ((MessageFormat) parsed.clone()).format(args);
    }
}
