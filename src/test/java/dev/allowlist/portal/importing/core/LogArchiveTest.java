package dev.allowlist.portal.importing.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class LogArchiveTest {

    static byte[] zip(Object... nameAndContent) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameAndContent[i]));
                zip.write((byte[]) nameAndContent[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void badEntriesAreRefusedOneByOneAndGoodOnesKept() throws Exception {
        byte[] log = "Opening connection to x.sophos.com\n".getBytes(StandardCharsets.UTF_8);
        byte[] archive = zip("ACME-0001/SophosCloudInstaller.log", log, "../../etc/evil.log", log,
                "inner.zip", zip("a.log", log), "renamed.log", zip("a.log", log), "big.log", new byte[2048]);
        List<LogArchive.Entry> entries = LogArchive.entries("logs.zip", archive, 1024);
        assertThat(entries).extracting(LogArchive.Entry::path).containsExactly("ACME-0001/SophosCloudInstaller.log",
                "../../etc/evil.log", "inner.zip", "renamed.log", "big.log");
        assertThat(entries).extracting(LogArchive.Entry::refusal).containsExactly(null, "error.logs.traversal",
                "error.logs.nested", "error.logs.nested", "error.logs.entryTooLarge");
        assertThat(entries.get(0).content()).isEqualTo(log);
        assertThat(LogArchive.entries("a.log", log, 1024)).singleElement().satisfies(e -> assertThat(e.refused()).isFalse());
    }

    @Test
    void aFileIsMatchedByItsFoldersAndItsName() {
        assertThat(LogArchive.candidates("batch/ACME-0001/SophosCloudInstaller.log")).containsExactly("ACME-0001", "batch",
                "SophosCloudInstaller");
        assertThat(LogArchive.candidates("sakura-trading_SophosCloudInstaller.log")).contains("sakura-trading");
    }
}
