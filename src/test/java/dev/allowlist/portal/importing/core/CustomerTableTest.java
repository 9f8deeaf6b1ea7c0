package dev.allowlist.portal.importing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

class CustomerTableTest {

    static final RowReader.Vocabulary WORDS = new RowReader.Vocabulary(
            Map.of("name", Field.NAME, "名前", Field.NAME, "外部参照", Field.EXTERNAL_REFERENCE, "notes", Field.NOTES,
                    "licenses", Field.LICENSES, "wildcardsupport", Field.WILDCARD_SUPPORT),
            Map.of("endpoint", "ENDPOINT", "edr", "EDR", "intercept x advanced with edr", "EDR"),
            Map.of("japan", "ap-northeast-1", "日本", "ap-northeast-1"), Map.of("panos", "panos"));

    @Test
    void aShiftJisFileAsJapaneseExcelSavesIt() {
        byte[] bytes = "名前,外部参照\r\n株式会社さくら物産,SK-1\r\n北海道乳業,SK-2\r\n".getBytes(Charset.forName("windows-31j"));
        CustomerTable table = CustomerTable.read("顧客.csv", bytes);
        assertThat(table.encoding()).isEqualTo("Shift_JIS");
        assertThat(table.header()).containsExactly("名前", "外部参照");
        assertThat(table.rows()).extracting(r -> r.cell(0)).containsExactly("株式会社さくら物産", "北海道乳業");
        assertThat(table.rows().get(0).number()).isEqualTo(2);
        RowReader.Values values = RowReader.read(table.rows().get(1), RowReader.map(table.header(), WORDS), WORDS);
        assertThat(values.externalReference()).isEqualTo("SK-2");
    }

    @Test
    void utf16WithTabsAndUtf8WithBomAndSemicolons() {
        byte[] utf16 = ("\uFEFFname\tlicenses\nSakura\tENDPOINT; EDR\n").getBytes(StandardCharsets.UTF_16LE);
        CustomerTable table = CustomerTable.read("list.txt", utf16);
        assertThat(table.encoding()).isEqualTo("UTF-16LE");
        assertThat(table.rows().get(0).cells()).containsExactly("Sakura", "ENDPOINT; EDR");
        byte[] bom = ("\uFEFFname;notes\r\nGlobex;a note\r\n# a template note\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        CustomerTable semicolons = CustomerTable.read("list.csv", bom);
        assertThat(semicolons.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(semicolons.header()).containsExactly("name", "notes");
        assertThat(semicolons.rows()).hasSize(1);
    }

    @Test
    void cellsAreDataAndOurOwnApostropheComesOff() {
        CustomerTable table = CustomerTable.read("f.csv", "name,notes\n=1+1,'=SUM(A1)\n".getBytes(StandardCharsets.UTF_8));
        assertThat(table.rows().get(0).cells()).containsExactly("=1+1", "=SUM(A1)");
        assertThat(Cells.neutralised("=1+1")).isEqualTo("'=1+1");
        assertThat(Cells.neutralised("@cmd")).isEqualTo("'@cmd");
        assertThat(Cells.neutralised("Sakura")).isEqualTo("Sakura");
    }

    @Test
    void anXlsxFormulaCellStaysItsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("customers");
        sheet.value(0, 0, "name");
        sheet.value(0, 1, "notes");
        sheet.value(0, 2, "wildcardSupport");
        sheet.value(1, 0, "Sakura");
        sheet.formula(1, 1, "HYPERLINK(\"http://evil.example\",\"click\")");
        sheet.value(1, 2, "yes");
        workbook.finish();
        CustomerTable table = CustomerTable.read("list.xlsx", out.toByteArray());
        assertThat(table.format()).isEqualTo("xlsx");
        assertThat(table.rows().get(0).cells()).containsExactly("Sakura", "=HYPERLINK(\"http://evil.example\",\"click\")", "yes");
        RowReader.Values values = RowReader.read(table.rows().get(0), RowReader.map(table.header(), WORDS), WORDS);
        assertThat(values.flags()).containsEntry(Field.WILDCARD_SUPPORT, true);
    }

    @Test
    void whatCannotBeReadIsNamed() {
        assertThatThrownBy(() -> CustomerTable.read("f.csv", new byte[0])).isInstanceOf(ImportException.class)
                .extracting(e -> ((ImportException) e).key()).isEqualTo("error.import.empty");
        assertThatThrownBy(() -> CustomerTable.read("f.xlsx", "name\nx\n".getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((ImportException) e).key()).isEqualTo("error.import.notXlsx");
        StringBuilder many = new StringBuilder("name\n");
        for (int i = 0; i <= CustomerTable.MAX_ROWS; i++) {
            many.append("c").append(i).append('\n');
        }
        assertThatThrownBy(() -> CustomerTable.read("f.csv", many.toString().getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((ImportException) e).key()).isEqualTo("error.import.tooManyRows");
        assertThatThrownBy(() -> RowReader.map(List.of("notes"), WORDS)).extracting(e -> ((ImportException) e).key())
                .isEqualTo("error.import.missingColumn");
        RowReader.Values bad = RowReader.read(new CustomerTable.Row(3, List.of("X", "PLATINUM", "maybe")),
                RowReader.map(List.of("name", "licenses", "wildcardSupport"), WORDS), WORDS);
        assertThat(bad.problems()).extracting(RowReader.Problem::key).containsExactlyInAnyOrder("error.license", "error.import.flag");
        RowReader.Values named = RowReader.read(new CustomerTable.Row(4, List.of("Y", "Intercept X Advanced with EDR; endpoint")),
                RowReader.map(List.of("name", "licenses"), WORDS), WORDS);
        assertThat(named.licenses()).containsExactly("EDR", "ENDPOINT");
    }
}
