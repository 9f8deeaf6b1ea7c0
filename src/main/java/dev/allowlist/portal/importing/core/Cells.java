package dev.allowlist.portal.importing.core;

import dev.allowlist.portal.SpreadsheetCells;
/**
 * One cell's text. Cells are data, never formulas: a value the portal's own export neutralised with a
 * leading apostrophe ({@code '=...}, {@code '+...}) is read back without it, and {@link #neutralised}
 * is what every export writes, so that a spreadsheet shows the text instead of running it.
 */
public final class Cells {

    private Cells() {
    }

    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String value = raw.strip();
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    public static String neutralised(String value) {
        return value == null ? "" : SpreadsheetCells.neutralised(value);
    }
}
