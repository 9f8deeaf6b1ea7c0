package dev.allowlist.portal.catalog.core;

/** A catalog file that cannot be used; the message names the rule (or part) that is wrong. */
public class CatalogException extends RuntimeException {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
