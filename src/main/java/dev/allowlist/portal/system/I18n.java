package dev.allowlist.portal.system;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The request's language (the {@code lang} cookie set by the switcher, else Accept-Language, else
 * English) and its messages: {@link PortalMessages}, {@link CustomerMessages}, {@link MonitorMessages},
 * {@link ExportMessages}.
 */
@RequestScoped
@Named("i18n")
public class I18n {

    public static final List<String> LANGUAGES = List.of("en", "ja");
    public static final String COOKIE = "lang";

    @Inject
    CurrentVertxRequest request;

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
        RoutingContext http = request.getCurrent();
        if (http == null) {
            return "en"; // work a request context carries without HTTP (a test, a scheduled job)
        }
        Cookie cookie = http.request().getCookie(COOKIE);
        return languageOf(cookie == null ? null : cookie.getValue(), http.request().getHeader("Accept-Language"));
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

    /** The request's portal texts, typed: {@code i18n.msg().error_404_title()}. */
    public PortalMessages msg() {
        return messages(language());
    }

    /** The request's texts of customer pages: {@code i18n.customers().customers_count(total)}. */
    public CustomerMessages customers() {
        return customerMessages(language());
    }

    /** The request's texts of feeds, checks and notifications. */
    public MonitorMessages monitor() {
        return monitorMessages(language());
    }

    /** The portal texts of a language outside a request (a refused upload, a mail). */
    /** The request's texts of the Sophos Central integration. */
    public CentralMessages central() {
        return bundle(CentralMessages.class, language());
    }

    public static PortalMessages messages(String language) {
        return bundle(PortalMessages.class, language);
    }

    public static CustomerMessages customerMessages(String language) {
        return bundle(CustomerMessages.class, language);
    }

    public static MonitorMessages monitorMessages(String language) {
        return bundle(MonitorMessages.class, language);
    }

    /**
     * A bundle in a language (English unless Japanese). Kept once looked up: {@link MessageBundles#get} resolves
     * a bean every time, 2.4 % of the customer list's CPU with its labels. A restart (dev mode, a test profile)
     * has a new container and new bundles.
     */
    public static <T> T bundle(Class<T> type, String language) {
        ArcContainer container = Arc.container();
        Kept k = kept;
        if (k == null || k.container() != container) {
            k = new Kept(container, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
            kept = k;
        }
        return "ja".equals(language)
                ? type.cast(k.japanese().computeIfAbsent(type, t -> MessageBundles.get(t, Localized.Literal.of("ja"))))
                : type.cast(k.english().computeIfAbsent(type, MessageBundles::get));
    }

    private record Kept(ArcContainer container, Map<Class<?>, Object> english, Map<Class<?>, Object> japanese) {
    }

    private static volatile Kept kept;

    /**
     * A message whose key is known only at run time, for values with a label per constant (an enum's
     * {@code license.EDR}, a validation error's {@code error.tooLong}): the key as the bundle names it,
     * dots and hyphens read as underscores. The arguments fill the message's parameters in order; missing
     * ones are empty and extra ones ignored, as a label's callers pass what they have. An unknown key
     * shows as itself, so a test that renders every page finds it.
     */
    public String message(String key, Object... args) {
        return messageIn(language(), key, args);
    }

    /** {@link #message}, in a given language (outside a request). */
    public static String messageIn(String language, String key, Object... args) {
        return find(language, key, args).orElse(key);
    }

    /** The message for a key, if the bundle has one. */
    public static Optional<String> find(String language, String key, Object... args) {
        Method method = METHODS.get(methodName(key));
        if (method == null) {
            return Optional.empty();
        }
        Object[] values = new Object[method.getParameterCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = as(method.getParameterTypes()[i], i < args.length ? args[i] : null);
        }
        try {
            return Optional.of((String) method.invoke(bundle(method.getDeclaringClass(), language), values));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("message " + key, e);
        }
    }

    /** The bundle's method name of a key: {@code error.hosts.tooMany} is {@code error_hosts_tooMany}. */
    public static String methodName(String key) {
        return key.replace('.', '_').replace('-', '_');
    }

    /** An argument as the parameter's type: a label's callers pass what they hold, often text. */
    private static Object as(Class<?> type, Object arg) {
        if (type.isInstance(arg)) {
            return arg;
        }
        if (type == String.class) {
            return arg == null ? "" : String.valueOf(arg);
        }
        if (type == Object.class) {
            return arg == null ? "" : arg;
        }
        long number = arg instanceof Number n ? n.longValue() : parseLong(arg);
        if (type == int.class || type == Integer.class) {
            return (int) number;
        }
        if (type == long.class || type == Long.class || type == Number.class) {
            return number;
        }
        throw new IllegalArgumentException("a message parameter of type " + type.getName());
    }

    private static long parseLong(Object arg) {
        try {
            return Long.parseLong(String.valueOf(arg).strip());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    /** The bundles, for tests that walk every message. */
    public static final List<Class<?>> BUNDLES = List.of(PortalMessages.class, CustomerMessages.class, MonitorMessages.class,
            ExportMessages.class, CentralMessages.class);

    /** Every message of the bundles by name; a name is unique across them (MessagesTest). */
    private static final Map<String, Method> METHODS = BUNDLES.stream().flatMap(type -> Arrays.stream(type.getMethods()))
            .collect(Collectors.toUnmodifiableMap(Method::getName, m -> m));
}
