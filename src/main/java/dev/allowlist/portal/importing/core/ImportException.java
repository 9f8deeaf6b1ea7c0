package dev.allowlist.portal.importing.core;

import java.util.List;

/** A file the import cannot read at all: the message key of the reason and its arguments. */
public final class ImportException extends RuntimeException {

    private final String key;
    private final List<Object> args;

    public ImportException(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }
}
