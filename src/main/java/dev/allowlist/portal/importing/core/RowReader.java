package dev.allowlist.portal.importing.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a customer list's rows into profile values: columns by header (the API's field names or
 * either language's labels), licenses by enum name or shown name, regions by code or name, yes/no
 * in either language. What a cell cannot say is a problem naming the row and the column; the
 * customer rules themselves (lengths, region codes, hosts) are the customer service's.
 */
public final class RowReader {

    /** The words the file may use: header names, and the shown names of licenses, regions and products. */
    public record Vocabulary(Map<String, Field> headers, Map<String, String> licenses, Map<String, String> regions,
            Map<String, String> products) {
    }

    /** Which column holds which field, by its index; and the header as the file wrote it. */
    public record Mapping(Map<Field, Integer> columns, Map<Field, String> labels, List<String> ignored) {

        public boolean has(Field field) {
            return columns.containsKey(field);
        }
    }

    /** A cell that cannot be read: the field, the column as the file names it, the message key and its arguments. */
    public record Problem(Field field, String column, String key, List<Object> args) {
    }

    /** A row's values; only the {@code present} fields were in the file (the others keep what the customer has). */
    public record Values(int row, Set<Field> present, String name, String externalReference, String notes,
            List<String> licenses, List<String> regions, Map<Field, Boolean> flags, String firewallProduct, List<String> hosts,
            List<Problem> problems) {
    }

    private static final Pattern LIST = Pattern.compile("[;,|\\n]+");
    private static final Pattern WORDS = Pattern.compile("[;,|\\s]+");
    private static final Set<String> YES = Set.of("true", "yes", "y", "1", "x", "✓", "○", "はい", "有", "あり");
    private static final Set<String> NO = Set.of("", "false", "no", "n", "0", "-", "×", "いいえ", "無", "なし");

    private RowReader() {
    }

    public static String normalize(String label) {
        return label == null ? "" : label.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    public static Mapping map(List<String> header, Vocabulary vocabulary) {
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        Map<Field, String> labels = new EnumMap<>(Field.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String label = header.get(i);
            Field field = vocabulary.headers().get(normalize(label));
            if (field == null) {
                if (!label.isBlank()) {
                    ignored.add(label);
                }
            } else if (columns.putIfAbsent(field, i) != null) {
                throw new ImportException("error.import.duplicateColumn", label);
            } else {
                labels.put(field, label);
            }
        }
        if (!columns.containsKey(Field.NAME)) {
            throw new ImportException("error.import.missingColumn", Field.NAME.apiName());
        }
        return new Mapping(columns, labels, List.copyOf(ignored));
    }

    public static Values read(CustomerTable.Row row, Mapping mapping, Vocabulary vocabulary) {
        List<Problem> problems = new ArrayList<>();
        Map<Field, Boolean> flags = new EnumMap<>(Field.class);
        List<String> licenses = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        String firewallProduct = null;
        for (Map.Entry<Field, Integer> column : mapping.columns().entrySet()) {
            Field field = column.getKey();
            String value = row.cell(column.getValue());
            String label = mapping.labels().get(field);
            if (field.isFlag()) {
                String word = normalize(value);
                if (YES.contains(word)) {
                    flags.put(field, true);
                } else if (NO.contains(word)) {
                    flags.put(field, false);
                } else {
                    problems.add(new Problem(field, label, "error.import.flag", List.of(value)));
                }
                continue;
            }
            switch (field) {
                case LICENSES -> {
                    for (String token : tokens(LIST, value)) {
                        String license = vocabulary.licenses().get(normalize(token));
                        if (license == null) {
                            problems.add(new Problem(field, label, "error.license", List.of(token)));
                        } else if (!licenses.contains(license)) {
                            licenses.add(license);
                        }
                    }
                }
                case REGIONS -> {
                    for (String token : tokens(LIST, value)) {
                        String region = vocabulary.regions().getOrDefault(normalize(token), normalize(token));
                        if (!regions.contains(region)) {
                            regions.add(region);
                        }
                    }
                }
                case FIREWALL_PRODUCT -> {
                    if (value.isBlank()) {
                        firewallProduct = "none";
                    } else {
                        firewallProduct = vocabulary.products().get(normalize(value));
                        if (firewallProduct == null) {
                            problems.add(new Problem(field, label, "error.firewallProduct", List.of(value)));
                        }
                    }
                }
                case MCS_HOSTS -> hosts.addAll(tokens(WORDS, value));
                default -> { }
            }
        }
        return new Values(row.number(), EnumSet.copyOf(mapping.columns().keySet()), cell(row, mapping, Field.NAME),
                cell(row, mapping, Field.EXTERNAL_REFERENCE), cell(row, mapping, Field.NOTES), List.copyOf(licenses),
                List.copyOf(regions), flags, firewallProduct, List.copyOf(hosts), List.copyOf(problems));
    }

    private static String cell(CustomerTable.Row row, Mapping mapping, Field field) {
        Integer index = mapping.columns().get(field);
        return index == null ? null : row.cell(index);
    }

    private static List<String> tokens(Pattern separator, String value) {
        return Arrays.stream(separator.split(value.strip())).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
