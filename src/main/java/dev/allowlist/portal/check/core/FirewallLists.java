package dev.allowlist.portal.check.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads what is configured on a firewall, pasted in one of the formats the portal exports, with
 * that product's matching rules (docs/export-formats.md): Squid's {@code .domain} takes the domain
 * too, a PAN-OS entry without the ending token {@code /} matches {@code host.*}, a Cisco URL object
 * takes the domain and its subdomains, a FortiOS wildcard FQDN only the subdomains. Lines that name
 * no host are returned as skipped, with the reason.
 */
public final class FirewallLists {

    public static final int MAX_CHARACTERS = 2 * 1024 * 1024;
    public static final int MAX_LINES = 20_000;

    /** What was read: the entries, and the lines that named no host. */
    public record Parsed(ListFormat format, List<FirewallEntry> entries, List<String> skipped) {
    }

    private static final Pattern HOST = Pattern.compile("[a-z0-9*^_-]+(\\.[a-z0-9*^_-]+)+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FirewallLists() {
    }

    public static ListFormat detect(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("<")) {
            return ListFormat.SOPHOS_FIREWALL;
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return ListFormat.CISCO_FMC;
        }
        if (text.contains("FindProxyForURL")) {
            return ListFormat.PAC;
        }
        if (Pattern.compile("(?m)^\\s*(config firewall address|set (fqdn|wildcard-fqdn) \")").matcher(text).find()) {
            return ListFormat.FORTIOS;
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (!lines.isEmpty() && lines.get(0).toLowerCase(Locale.ROOT).startsWith("value,")) {
            return ListFormat.CSV;
        }
        long slashed = lines.stream().filter(l -> l.endsWith("/")).count();
        if (!lines.isEmpty() && slashed * 2 >= lines.size()) {
            return ListFormat.PANOS_URL;
        }
        if (lines.stream().anyMatch(l -> l.startsWith("."))) {
            return ListFormat.SQUID;
        }
        return ListFormat.TXT;
    }

    public static Parsed parse(String text, ListFormat format) {
        if (text.length() > MAX_CHARACTERS) {
            throw new IllegalArgumentException("more than " + MAX_CHARACTERS / (1024 * 1024) + " MB");
        }
        if (text.lines().count() > MAX_LINES) {
            throw new IllegalArgumentException("more than " + MAX_LINES + " lines");
        }
        List<FirewallEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        switch (format) {
            case TXT, SQUID -> lines(text, entries, skipped, format);
            case CSV -> csv(text, entries, skipped);
            case PAC -> pac(text, entries);
            case PANOS_URL -> panos(text, entries, skipped);
            case FORTIOS -> fortios(text, entries, skipped);
            case CISCO_FMC -> cisco(text, entries, skipped);
            case SOPHOS_FIREWALL -> sophos(text, entries, skipped);
        }
        return new Parsed(format, List.copyOf(entries), List.copyOf(skipped));
    }

    static String host(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
        return v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
    }

    /** One name per line; {@code *.d} the subdomains, {@code .d} (Squid) the domain and its subdomains. */
    private static void lines(String text, List<FirewallEntry> entries, List<String> skipped, ListFormat format) {
        int n = 0;
        for (String raw : text.lines().toList()) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            entry(n, line, host(line), format == ListFormat.SQUID, entries, skipped);
        }
    }

    private static void entry(int n, String text, String value, boolean squid, List<FirewallEntry> entries, List<String> skipped) {
        if (squid && value.startsWith(".") && HOST.matcher(value.substring(1)).matches()) {
            entries.add(FirewallEntry.domainAndSubdomains(n, text, value.substring(1)));
        } else if (!HOST.matcher(value.startsWith(".") ? value.substring(1) : value).matches()) {
            skipped.add("line " + n + ": not a host name: " + abbreviate(text));
        } else if (value.startsWith(".")) {
            entries.add(FirewallEntry.domainAndSubdomains(n, text, value.substring(1)));
        } else if (value.startsWith("*.") && value.indexOf('*', 1) < 0) {
            entries.add(FirewallEntry.subdomains(n, text, value.substring(2)));
        } else if (value.indexOf('*') >= 0) {
            entries.add(FirewallEntry.labelPattern(n, text, value));
        } else {
            entries.add(FirewallEntry.exact(n, text, value));
        }
    }

    /** The portal's CSV: the {@code value} column (else the first), read as the plain list reads a line. */
    private static void csv(String text, List<FirewallEntry> entries, List<String> skipped) {
        try {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text)).getRecords();
            for (CSVRecord record : records) {
                String value = record.isMapped("value") ? record.get("value") : record.get(0);
                int n = (int) record.getRecordNumber() + 1;
                if (!value.isBlank()) {
                    entry(n, value, host(value), false, entries, skipped);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a CSV file: " + abbreviate(String.valueOf(e.getMessage())));
        }
    }

    private static final Pattern PAC_EXACT = Pattern.compile("host\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern PAC_DOMAIN = Pattern.compile("dnsDomainIs\\(\\s*host\\s*,\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern PAC_SHELL = Pattern.compile("shExpMatch\\(\\s*host\\s*,\\s*\"([^\"]+)\"\\s*\\)");

    /**
     * A PAC file's DIRECT conditions: {@code host == "h"}, {@code dnsDomainIs(host, ".d")} (the
     * subdomains; without the leading dot it is a plain suffix, so {@code evil-d} matches too) and
     * {@code shExpMatch(host, "p")}.
     */
    private static void pac(String text, List<FirewallEntry> entries) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = PAC_EXACT.matcher(line);
            while (m.find()) {
                entries.add(FirewallEntry.exact(i + 1, m.group(), host(m.group(1))));
            }
            m = PAC_DOMAIN.matcher(line);
            while (m.find()) {
                String d = host(m.group(1));
                entries.add(d.startsWith(".") ? FirewallEntry.subdomains(i + 1, m.group(), d.substring(1))
                        : new FirewallEntry(i + 1, m.group(), FirewallEntry.Match.PATTERN, d,
                                Pattern.compile(".*" + Pattern.quote(d)), true));
            }
            m = PAC_SHELL.matcher(line);
            while (m.find()) {
                entries.add(FirewallEntry.shellPattern(i + 1, m.group(), host(m.group(1))));
            }
        }
    }

    /**
     * PAN-OS URL category entries: tokens between dots, {@code *} one or more whole tokens, {@code ^}
     * exactly one; without the ending token {@code /} the firewall adds an implicit {@code *} at the
     * end, so {@code example.com} also matches {@code example.com.evil.net}.
     */
    private static void panos(String text, List<FirewallEntry> entries, List<String> skipped) {
        int n = 0;
        for (String raw : text.lines().toList()) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String value = host(line.split("\\s+")[0]);
            int slash = value.indexOf('/');
            boolean ending = slash >= 0;
            String name = ending ? value.substring(0, slash) : value;
            if (ending && slash < value.length() - 1) {
                skipped.add("line " + n + ": a path limits it to pages, not the host: " + abbreviate(line));
                continue;
            }
            if (!HOST.matcher(name).matches()) {
                skipped.add("line " + n + ": not a host name: " + abbreviate(line));
                continue;
            }
            boolean wild = name.contains("*") || name.contains("^");
            if (ending && !wild) {
                entries.add(FirewallEntry.exact(n, line, name));
            } else if (ending && name.startsWith("*.") && !name.substring(2).contains("*") && !name.contains("^")) {
                entries.add(FirewallEntry.subdomains(n, line, name.substring(2)));
            } else {
                StringBuilder regex = new StringBuilder();
                String[] tokens = name.split("\\.");
                for (int i = 0; i < tokens.length; i++) {
                    regex.append(i == 0 ? "" : "\\.");
                    regex.append(switch (tokens[i]) {
                        case "*" -> "[^.]+(?:\\.[^.]+)*";
                        case "^" -> "[^.]+";
                        default -> Pattern.quote(tokens[i]);
                    });
                }
                if (!ending) {
                    regex.append("(?:\\.[^.]+)*");
                }
                entries.add(new FirewallEntry(n, line, FirewallEntry.Match.PATTERN, name, Pattern.compile(regex.toString()),
                        !ending));
            }
        }
    }

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** {@code show firewall address} (or the fortigate-cli script): the fqdn and wildcard-fqdn entries. */
    private static void fortios(String text, List<FirewallEntry> entries, List<String> skipped) {
        List<String> lines = text.lines().toList();
        String block = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("config ")) {
                block = line.substring(7).strip();
            } else if (line.equals("end")) {
                block = "";
            } else if (block.equals("firewall address") && (line.startsWith("set fqdn ") || line.startsWith("set wildcard-fqdn "))) {
                Matcher m = QUOTED.matcher(line);
                String value = host(m.find() ? m.group(1) : line.substring(line.indexOf(' ', 4) + 1));
                if (line.startsWith("set fqdn ")) {
                    if (HOST.matcher(value).matches() && !value.contains("*")) {
                        entries.add(FirewallEntry.exact(i + 1, line, value));
                    } else {
                        skipped.add("line " + (i + 1) + ": not a host name: " + abbreviate(line));
                    }
                } else {
                    entry(i + 1, line, value, false, entries, skipped);
                }
            }
        }
    }

    /** FQDN objects (the name exactly) and URL objects without a path (the domain and its subdomains). */
    private static void cisco(String text, List<FirewallEntry> entries, List<String> skipped) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON (" + e.getClass().getSimpleName() + ")");
        }
        List<JsonNode> objects = new ArrayList<>();
        for (String field : List.of("fqdnObjects", "urlObjects", "items")) {
            root.path(field).forEach(objects::add);
        }
        if (root.isArray()) {
            root.forEach(objects::add);
        }
        int n = 0;
        for (JsonNode object : objects) {
            n++;
            String type = object.path("type").asText("");
            if (type.equalsIgnoreCase("FQDN")) {
                String value = host(object.path("value").asText(""));
                if (HOST.matcher(value).matches() && !value.contains("*")) {
                    entries.add(FirewallEntry.exact(n, object.path("name").asText(value), value));
                } else {
                    skipped.add("object " + n + ": not a host name: " + abbreviate(value));
                }
            } else if (type.equalsIgnoreCase("Url")) {
                String url = host(object.path("url").asText(""));
                if (url.contains("/") && url.indexOf('/') < url.length() - 1) {
                    skipped.add("object " + n + ": a path limits it to pages, not the host: " + abbreviate(url));
                } else if (HOST.matcher(url.replace("/", "")).matches() && !url.contains("*")) {
                    entries.add(FirewallEntry.domainAndSubdomains(n, object.path("name").asText(url), url.replace("/", "")));
                } else {
                    skipped.add("object " + n + ": not a host name: " + abbreviate(url));
                }
            }
        }
    }

    /** FQDN hosts ({@code <FQDN>}: the name, or {@code *.d} its subdomains) and URL group entries (domain and subdomains). */
    private static void sophos(String text, List<FirewallEntry> entries, List<String> skipped) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not XML: " + abbreviate(String.valueOf(e.getMessage())));
        }
        NodeList fqdns = document.getElementsByTagName("FQDN");
        for (int i = 0; i < fqdns.getLength(); i++) {
            String value = host(fqdns.item(i).getTextContent());
            entry(i + 1, value, value, false, entries, skipped);
        }
        NodeList urls = document.getElementsByTagName("URL");
        for (int i = 0; i < urls.getLength(); i++) {
            String value = host(urls.item(i).getTextContent());
            if (HOST.matcher(value).matches() && !value.contains("*")) {
                entries.add(FirewallEntry.domainAndSubdomains(fqdns.getLength() + i + 1, value, value));
            } else {
                skipped.add("URL " + (i + 1) + ": not a domain: " + abbreviate(value));
            }
        }
    }

    static String abbreviate(String text) {
        String clean = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 80 ? clean.substring(0, 79) + "…" : clean;
    }
}
