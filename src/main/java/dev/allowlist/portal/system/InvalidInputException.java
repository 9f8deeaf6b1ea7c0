package dev.allowlist.portal.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bad input, field by field; nothing was saved. Answered 400 (API) or by re-rendering the form. */
public class InvalidInputException extends RuntimeException {

    /** One field's problem: a message key of the bundles and its arguments. */
    public record FieldError(String field, String key, List<Object> args) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid input: " + errors);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String key, Object... args) {
        return new InvalidInputException(List.of(new FieldError(field, key, List.of(args))));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first message of each field, in the request's language. */
    public Map<String, String> messages(I18n i18n) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            messages.putIfAbsent(error.field(), i18n.message(error.key(), error.args().toArray()));
        }
        return messages;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<FieldError> errors = new ArrayList<>();

        public Builder add(String field, String key, Object... args) {
            errors.add(new FieldError(field, key, List.of(args)));
            return this;
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
    }

    /**
     * Control characters (NUL and the rest of C0, DEL, C1) and noncharacters such as U+FFFF have no
     * place in a name or note: PostgreSQL refuses NUL, and XML exports and feeds cannot carry them.
     * Notes may hold line breaks and tabs.
     */
    public static boolean hasControlCharacters(String text, boolean multiline) {
        return text.codePoints().anyMatch(c -> (Character.getType(c) == Character.CONTROL
                && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) || (c & 0xFFFE) == 0xFFFE
                || Character.getType(c) == Character.SURROGATE);
    }
}
