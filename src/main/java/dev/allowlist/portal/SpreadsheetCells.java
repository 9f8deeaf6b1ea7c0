package dev.allowlist.portal;

/**
 * Spreadsheet formula injection: every CSV or XLSX the portal writes holds data, never formulas. A value
 * a spreadsheet would run ({@code = + - @}, tab, CR first) is written with a leading apostrophe, so that
 * the spreadsheet shows it as text; the customer-list import reads such an apostrophe back off.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The value as a cell may hold it; null stays null (a CSV printer writes nothing for it). */
    public static String neutralised(String value) {
        return value == null || value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
    }
}
