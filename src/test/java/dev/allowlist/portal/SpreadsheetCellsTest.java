package dev.allowlist.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void whatASpreadsheetWouldRunIsWrittenAsText() {
        for (String formula : new String[] { "=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd" }) {
            assertThat(SpreadsheetCells.neutralised(formula)).isEqualTo("'" + formula);
        }
        assertThat(SpreadsheetCells.neutralised("sophos.com")).isEqualTo("sophos.com");
        assertThat(SpreadsheetCells.neutralised("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetCells.neutralised("")).isEmpty();
        assertThat(SpreadsheetCells.neutralised(null)).isNull();
    }
}
