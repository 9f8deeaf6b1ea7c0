package dev.allowlist.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package map of docs/architecture.md names every package of the tree, and no package that is gone. */
class PackageMapTest {

    private static final Path ROOT = Path.of("src/main/java/dev/allowlist/portal");

    @Test
    void theMapMatchesTheTree() throws IOException {
        Set<String> tree = new TreeSet<>();
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            dirs.filter(Files::isDirectory).filter(d -> !d.equals(ROOT))
                    .map(d -> ROOT.relativize(d).toString().replace('/', '.')).forEach(tree::add);
        }
        String doc = Files.readString(Path.of("docs/architecture.md"));
        List<String> rows = doc.lines().filter(l -> l.startsWith("| `")).toList();

        Set<String> mapped = new TreeSet<>();
        Pattern name = Pattern.compile("`([a-z]+(?:[./][a-z]+)?)`");
        for (String row : rows) {
            String first = row.substring(1, row.indexOf('|', 1));
            Matcher m = name.matcher(first);
            while (m.find()) {
                mapped.add(m.group(1).replace('/', '.'));
            }
            Matcher sub = Pattern.compile("`([a-z]+[./](?:api|core|page))`").matcher(row);
            while (sub.find()) {
                mapped.add(sub.group(1).replace('/', '.'));
            }
        }
        assertThat(mapped).as("packages in docs/architecture.md's map").containsExactlyInAnyOrderElementsOf(tree);
    }
}
