package dev.allowlist.portal.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Dates a person or a script types into a period filter: ISO {@code YYYY-MM-DD} between 1970-01-01 and
 * 9999-12-31 (what the history can hold). Anything else is a field error, checked before any query or
 * any byte of an export is written.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private Dates() {
    }

    /** The date, or null when nothing was typed. */
    public static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String typed = text.strip();
        LocalDate date;
        try {
            date = typed.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? LocalDate.parse(typed) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null || date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw InvalidInputException.of(field, "error.date", typed.length() > 40 ? typed.substring(0, 40) + "…" : typed);
        }
        return date;
    }

    /** Refuses a period that ends before it starts. */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidInputException.of("to", "error.period");
        }
    }
}
