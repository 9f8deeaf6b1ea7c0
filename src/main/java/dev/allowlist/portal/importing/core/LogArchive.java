package dev.allowlist.portal.importing.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of an upload of many installer logs: each plain file as it is, and each entry of a ZIP,
 * refused one by one (with the reason) when its name leaves the archive ({@code ..}, an absolute
 * path), when it is an archive itself, when it is larger than a log may be, or when the archive
 * expands past its budget (a zip bomb); nothing else of the batch is lost by one bad entry.
 */
public final class LogArchive {

    /** A file to ingest, or one refused: {@code refusal} is then a message key with its argument. */
    public record Entry(String path, byte[] content, String refusal, String refusalArgument) {

        public boolean refused() {
            return refusal != null;
        }
    }

    public static final int MAX_ENTRIES = 1_000;
    public static final long MAX_EXPANDED = 256L * 1024 * 1024;

    private LogArchive() {
    }

    public static boolean isZip(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** A plain file is one entry; a ZIP is its entries. */
    public static List<Entry> entries(String fileName, byte[] content, long maxFileSize) {
        if (!isZip(content)) {
            return List.of(new Entry(fileName, content, null, null));
        }
        List<Entry> entries = new ArrayList<>();
        long expanded = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String path = entry.getName().replace('\\', '/');
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    entries.add(new Entry(path, null, "error.logs.tooManyEntries", String.valueOf(MAX_ENTRIES)));
                    break;
                }
                if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || List.of(path.split("/")).contains("..")) {
                    entries.add(new Entry(path, null, "error.logs.traversal", path));
                    continue;
                }
                String lower = path.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".zip") || lower.endsWith(".7z") || lower.endsWith(".rar") || lower.endsWith(".gz")
                        || lower.endsWith(".tar") || lower.endsWith(".tgz")) {
                    entries.add(new Entry(path, null, "error.logs.nested", path));
                    continue;
                }
                byte[] bytes = zip.readNBytes((int) Math.min(maxFileSize + 1, Integer.MAX_VALUE - 8));
                expanded += bytes.length;
                if (bytes.length > maxFileSize) {
                    entries.add(new Entry(path, null, "error.logs.entryTooLarge", String.valueOf(maxFileSize / (1024 * 1024))));
                    while (zip.read(new byte[8192]) > 0) {
                        expanded += 8192;
                        if (expanded > MAX_EXPANDED) {
                            break;
                        }
                    }
                } else if (isZip(bytes) || (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b)) {
                    entries.add(new Entry(path, null, "error.logs.nested", path));
                } else {
                    entries.add(new Entry(path, bytes, null, null));
                }
                if (expanded > MAX_EXPANDED) {
                    entries.add(new Entry(path, null, "error.logs.bomb", String.valueOf(MAX_EXPANDED / (1024 * 1024))));
                    break;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            entries.add(new Entry(fileName, null, "error.logs.badZip", fileName));
        }
        return entries;
    }

    /**
     * The names a file may be matched by: its folders and its own name without the extension, nearest
     * first ({@code ACME-0001/SophosCloudInstaller.log} gives {@code ACME-0001}).
     */
    public static List<String> candidates(String path) {
        List<String> parts = new ArrayList<>(List.of(path.split("/")));
        List<String> names = new ArrayList<>();
        if (!parts.isEmpty()) {
            String last = parts.remove(parts.size() - 1);
            int dot = last.lastIndexOf('.');
            String stem = dot > 0 ? last.substring(0, dot) : last;
            for (int i = parts.size() - 1; i >= 0; i--) {
                if (!parts.get(i).isBlank()) {
                    names.add(parts.get(i));
                }
            }
            names.add(stem);
            // "ACME-0001_SophosCloudInstaller" or "acme-0001 SophosCloudInstaller": the part before the log's own name
            String prefix = stem.replaceFirst("(?i)[ _.-]*SophosCloudInstaller.*$", "");
            if (!prefix.isBlank() && !prefix.equals(stem)) {
                names.add(prefix);
            }
        }
        return names;
    }
}
