package dev.allowlist.portal.customer.core;

import dev.allowlist.portal.catalog.core.DomainName;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code SophosCloudInstaller.log} and extracts the MCS hosts it names: the value of lines
 * that begin, after any timestamp or level prefix, with {@code Model::server value changed to:} or
 * {@code Opening connection to} (source-en.md, section 2). Plain Java; refuses what is not text.
 */
public final class InstallerLogParser {

    static final String SERVER_CHANGED = "Model::server value changed to:";
    static final String OPENING_CONNECTION = "Opening connection to";
    static final int MAX_IGNORED_REPORTED = 200;

    /** Not a text file: the message says what it looked like. */
    public static final class NotTextException extends Exception {
        private final String kind;

        NotTextException(String kind) {
            super("not a text file (" + kind + ")");
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    public enum IgnoreReason {
        /** the value is not a DNS host name (an IP address, garbage) */
        NOT_A_HOST_NAME,
        /** a valid host, but not under a Sophos domain: shown, not added */
        NOT_A_SOPHOS_DOMAIN,
        /** the marker stands in the middle of other text, not at the start of the entry */
        MARKER_NOT_AT_LINE_START,
        /** the marker is followed by nothing */
        NO_VALUE
    }

    /** A host the log names, with where it appeared first and last. */
    public record ObservedHost(String host, int firstLine, int lastLine, String firstTimestamp, String lastTimestamp,
            int occurrences) {
    }

    /** A marker line that yielded no host to add, and why. */
    public record IgnoredLine(int line, String value, IgnoreReason reason) {
    }

    public record Result(String encoding, int lines, List<ObservedHost> hosts, List<IgnoredLine> ignored,
            int ignoredCount) {
    }

    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?"
                    + "|\\d{1,2}/\\d{1,2}/\\d{4}[ T]\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?: ?[AP]M)?)");
    private static final Pattern BRACKETED = Pattern.compile("\\[[^\\]]{0,64}\\]|\\([^)]{0,64}\\)|<[^>]{0,64}>");
    private static final Pattern LEVEL = Pattern.compile(
            "(?i)\\b(trace|debug|verbose|info|information|notice|warn|warning|error|err|fatal|critical|[IWEDTV])\\b");
    private static final Pattern PREFIX_REST = Pattern.compile("[\\s0-9:./\\-TZ,+|#*=>]*");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");
    private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}$");

    private final Predicate<String> vendorDomain;

    /** @param vendorDomain whether a host is under a Sophos domain (the catalog knows which) */
    public InstallerLogParser(Predicate<String> vendorDomain) {
        this.vendorDomain = vendorDomain;
    }

    public Result parse(byte[] content) throws NotTextException {
        Decoded decoded = decode(content);
        Map<String, ObservedHost> hosts = new LinkedHashMap<>();
        List<IgnoredLine> ignored = new ArrayList<>();
        int ignoredCount = 0;
        String[] lines = decoded.text().split("\r\n|\n|\r", -1);
        int lineCount = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int i = 0; i < lineCount; i++) {
            String line = lines[i];
            int at = markerEnd(line);
            if (at == NO_MARKER) {
                continue;
            }
            int lineNumber = i + 1;
            IgnoredLine problem = null;
            String host = null;
            if (at < 0) {
                problem = new IgnoredLine(lineNumber, abbreviate(line.strip()), IgnoreReason.MARKER_NOT_AT_LINE_START);
            } else {
                String value = line.substring(at).strip();
                if (value.isEmpty()) {
                    problem = new IgnoredLine(lineNumber, "", IgnoreReason.NO_VALUE);
                } else {
                    try {
                        host = DomainName.normalizeHost(hostPart(value));
                        if (!vendorDomain.test(host)) {
                            problem = new IgnoredLine(lineNumber, host, IgnoreReason.NOT_A_SOPHOS_DOMAIN);
                            host = null;
                        }
                    } catch (IllegalArgumentException e) {
                        problem = new IgnoredLine(lineNumber, abbreviate(value), IgnoreReason.NOT_A_HOST_NAME);
                    }
                }
            }
            if (problem != null) {
                ignoredCount++;
                if (ignored.size() < MAX_IGNORED_REPORTED) {
                    ignored.add(problem);
                }
                continue;
            }
            String timestamp = timestampOf(line);
            ObservedHost seen = hosts.get(host);
            hosts.put(host, seen == null
                    ? new ObservedHost(host, lineNumber, lineNumber, timestamp, timestamp, 1)
                    : new ObservedHost(host, seen.firstLine(), lineNumber,
                            seen.firstTimestamp() != null ? seen.firstTimestamp() : timestamp,
                            timestamp != null ? timestamp : seen.lastTimestamp(), seen.occurrences() + 1));
        }
        return new Result(decoded.encoding(), lineCount, List.copyOf(hosts.values()), List.copyOf(ignored), ignoredCount);
    }

    private static final int NO_MARKER = Integer.MIN_VALUE;

    /** Where the value after the marker starts; negative when the marker is not at the entry's start. */
    private static int markerEnd(String line) {
        for (String marker : new String[] { SERVER_CHANGED, OPENING_CONNECTION }) {
            int index = line.indexOf(marker);
            if (index >= 0) {
                return isPrefix(line.substring(0, index)) ? index + marker.length() : -1;
            }
        }
        return NO_MARKER;
    }

    /** Only a timestamp, a level, bracketed context (thread, component) and punctuation may precede the marker. */
    private static boolean isPrefix(String prefix) {
        String rest = TIMESTAMP.matcher(prefix).replaceAll(" ");
        rest = BRACKETED.matcher(rest).replaceAll(" ");
        rest = LEVEL.matcher(rest).replaceAll(" ");
        return PREFIX_REST.matcher(rest).matches();
    }

    /** The host of a value: a bare host, host:port, or a URL with scheme, port and path, possibly quoted. */
    static String hostPart(String value) {
        String v = value.strip();
        v = stripQuotes(v);
        Matcher scheme = SCHEME.matcher(v);
        if (scheme.find()) {
            v = v.substring(scheme.end());
        }
        int end = v.length();
        for (char stop : new char[] { '/', '?', '#', ' ', '\t', '"', '\'', ',', ';' }) {
            int at = v.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        v = v.substring(0, end);
        int userInfo = v.lastIndexOf('@');
        if (userInfo >= 0) {
            v = v.substring(userInfo + 1);
        }
        if (v.startsWith("[")) {
            throw new IllegalArgumentException("an IPv6 address is not a host name");
        }
        return PORT.matcher(v).replaceFirst("");
    }

    private static String stripQuotes(String v) {
        String quotes = "\"'`“”‘’«»";
        int start = 0;
        int end = v.length();
        while (start < end && quotes.indexOf(v.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && (quotes.indexOf(v.charAt(end - 1)) >= 0 || v.charAt(end - 1) == '.')) {
            end--;
        }
        return v.substring(start, end);
    }

    private static String timestampOf(String line) {
        Matcher m = TIMESTAMP.matcher(line);
        return m.find() && m.start() < 40 ? m.group(1) : null;
    }

    private static String abbreviate(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
    }

    private record Decoded(String text, String encoding) {
    }

    /** BOM-marked UTF-16 (LE/BE) and UTF-8 (with or without BOM); anything binary is refused. */
    static Decoded decode(byte[] bytes) throws NotTextException {
        String binary = binaryKind(bytes);
        if (binary != null) {
            throw new NotTextException(binary);
        }
        String text;
        String encoding;
        if (startsWith(bytes, 0xFF, 0xFE)) {
            text = decodeUtf16(bytes, 2, StandardCharsets.UTF_16LE);
            encoding = "UTF-16LE";
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = decodeUtf16(bytes, 2, StandardCharsets.UTF_16BE);
            encoding = "UTF-16BE";
        } else if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = decodeUtf8(bytes, 3);
            encoding = "UTF-8 (BOM)";
        } else {
            text = decodeUtf8(bytes, 0);
            encoding = "UTF-8";
        }
        if (!looksLikeText(text)) {
            throw new NotTextException("control characters");
        }
        return new Decoded(text, encoding);
    }

    private static String binaryKind(byte[] b) {
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04) || startsWith(b, 0x50, 0x4B, 0x05, 0x06)) {
            return "zip archive";
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47)) {
            return "PNG image";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        if (startsWith(b, 0x47, 0x49, 0x46, 0x38)) {
            return "GIF image";
        }
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46)) {
            return "PDF document";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "gzip archive";
        }
        if (startsWith(b, 0x37, 0x7A, 0xBC, 0xAF)) {
            return "7-Zip archive";
        }
        if (startsWith(b, 0x4D, 0x5A)) {
            return "Windows executable";
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "Office document";
        }
        return null;
    }

    private static String decodeUtf16(byte[] bytes, int offset, Charset charset) throws NotTextException {
        // a truncated last code unit (odd length) is dropped, as a truncated last line is accepted
        int length = (bytes.length - offset) & ~1;
        return decodeStrict(bytes, offset, length, charset, true);
    }

    private static String decodeUtf8(byte[] bytes, int offset) throws NotTextException {
        return decodeStrict(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8, true);
    }

    private static String decodeStrict(byte[] bytes, int offset, int length, Charset charset,
            boolean tolerateTruncatedEnd) throws NotTextException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            if (tolerateTruncatedEnd && length > 0) {
                // a file cut in the middle of its last character: drop up to 3 trailing bytes once
                for (int cut = 1; cut <= 3 && cut < length; cut++) {
                    try {
                        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(bytes, offset, length - cut)).toString();
                    } catch (CharacterCodingException again) {
                        // try a shorter cut
                    }
                }
            }
            // not UTF-8: a legacy code page of Windows; host names are ASCII, so read it byte for byte
            if (charset == StandardCharsets.UTF_8) {
                return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
            }
            throw new NotTextException("not valid " + charset.name().toUpperCase(Locale.ROOT));
        }
    }

    /** Text has no NUL and few control characters other than tab, line breaks and form feed. */
    private static boolean looksLikeText(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
                control++;
            }
        }
        return control <= Math.max(2, text.length() / 200);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
