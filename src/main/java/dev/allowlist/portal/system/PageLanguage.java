package dev.allowlist.portal.system;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every template rendered for a request speaks the request's language: the {@code {msg:...}} messages
 * read the instance's {@code locale} attribute, which this sets from {@link I18n} (the language cookie
 * first, then Accept-Language). Outside a request (e-mails) the caller sets the locale itself.
 */
@ApplicationScoped
public class PageLanguage {

    void addInitializer(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> {
            ManagedContext request = Arc.container().requestContext();
            if (request.isActive() && instance.getAttribute(MessageBundles.ATTRIBUTE_LOCALE) == null) {
                instance.setLocale(Arc.container().instance(I18n.class).get().locale());
            }
        });
    }
}
