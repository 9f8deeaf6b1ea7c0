package dev.allowlist.portal.catalog.core;

import java.util.Locale;

/** A short text of the catalog in English and Japanese. */
public record LocalizedText(String en, String ja) {

    public String in(Locale locale) {
        return locale != null && "ja".equals(locale.getLanguage()) ? ja : en;
    }

    public String in(String language) {
        return "ja".equals(language) ? ja : en;
    }
}
