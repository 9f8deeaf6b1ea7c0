package dev.allowlist.portal.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.allowlist.core.ChangeReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** The Atom feed parses whatever a customer's name holds (issue 13, F6). */
class ChangeFeedTest {

    @Test
    void charactersXmlForbidsNeverReachTheFeed() throws Exception {
        String name = "Bad\uFFFF name\u0001 \uFFFE\uD800 \uD83D\uDE00 kept\ttab";
        String atom = ChangeFeed.atom(7, name, List.of(new ChangeFeed.Item(1, OffsetDateTime.parse("2026-11-01T00:00:00Z"),
                "customer-created", ChangeReport.between(0, List.of(), 1, List.of(), List.of()))));
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        String title = document.getElementsByTagName("title").item(0).getTextContent();
        assertThat(title).isEqualTo("Allowlist changes: Bad  name     \uD83D\uDE00 kept\ttab");
    }
}
