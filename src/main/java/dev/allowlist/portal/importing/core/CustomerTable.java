package dev.allowlist.portal.importing.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A customer list file as rows of text: CSV (comma, semicolon or tab, as the header line shows; any
 * of {@link TextDecoding}'s encodings) or XLSX (the first sheet, read as a stream). Every cell is
 * text: a formula is kept as its text, never evaluated. Blank rows and rows whose first cell starts
 * with {@code #} (the template's notes) are skipped. At most {@link #MAX_BYTES} and {@link #MAX_ROWS}.
 */
public record CustomerTable(String format, String encoding, List<String> header, List<Row> rows) {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;

    /** @param number the row's number in the file, as a spreadsheet shows it (the header is 1) */
    public record Row(int number, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    public static CustomerTable read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new ImportException("error.import.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ImportException("error.import.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (zip) {
            return xlsx(content);
        }
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new ImportException("error.import.notXlsx");
        }
        return csv(content);
    }

    private static CustomerTable csv(byte[] content) {
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        String text = decoded.text();
        String firstLine = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElse("");
        char delimiter = ',';
        long best = firstLine.chars().filter(ch -> ch == ',').count();
        for (char candidate : new char[] { ';', '\t' }) {
            long count = firstLine.chars().filter(ch -> ch == candidate).count();
            if (count > best) {
                best = count;
                delimiter = candidate;
            }
        }
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<String> cells = record.stream().map(Cells::text).toList();
                if (skipped(cells)) {
                    continue;
                }
                int number = (int) record.getRecordNumber();
                if (header == null) {
                    header = cells;
                } else {
                    add(rows, new Row(number, cells));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ImportException("error.import.csv", String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}", " "));
        }
        if (header == null) {
            throw new ImportException("error.import.noHeader");
        }
        return new CustomerTable("csv", decoded.encoding(), header, List.copyOf(rows));
    }

    private static CustomerTable xlsx(byte[] content) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
                for (org.dhatim.fastexcel.reader.Row row : (Iterable<org.dhatim.fastexcel.reader.Row>) stream::iterator) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(Cells.text(text(row.getCell(i))));
                    }
                    if (skipped(cells)) {
                        continue;
                    }
                    if (header == null) {
                        header = cells;
                    } else {
                        add(rows, new Row(row.getRowNum(), cells));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportException ie) {
                throw ie;
            }
            throw new ImportException("error.import.xlsx");
        }
        if (header == null) {
            throw new ImportException("error.import.noHeader");
        }
        return new CustomerTable("xlsx", null, header, List.copyOf(rows));
    }

    /** A cell as text: a formula as written ({@code =...}, never its result), a number as shown. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getType() == CellType.FORMULA) {
            String formula = cell.getFormula();
            return formula == null ? "" : formula.startsWith("=") ? formula : "=" + formula;
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }

    private static boolean skipped(List<String> cells) {
        if (cells.stream().allMatch(String::isBlank)) {
            return true;
        }
        return !cells.isEmpty() && cells.get(0).startsWith("#");
    }

    private static void add(List<Row> rows, Row row) {
        if (rows.size() >= MAX_ROWS) {
            throw new ImportException("error.import.tooManyRows", MAX_ROWS);
        }
        rows.add(row);
    }
}
