package dev.allowlist.portal.export.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/**
 * The firewall exports against their products' documented grammar (README, "Firewall exports"):
 * no product's own parser runs here, so each file passes a checker of the documented structure that
 * fails on a broken file (shown for each checker).
 */
class FirewallExportsTest {

    static final Map<String, ExportFormat.ExportContext> SAMPLES = ExportSamples.all();
    static final Pattern FQDN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    static String render(ExportFormat format, String sample) {
        return format.render(SAMPLES.get(sample)).content();
    }

    // --- PAN-OS URL list: PAN-OS's documented matching, to show what each line matches

    /** A URL category entry matched against a host as PAN-OS documents it: tokens split on . and /, * a whole token. */
    static boolean panOsMatches(String entry, String host) {
        String url = host + "/";
        String regex = Pattern.quote(entry).replace("*", "\\E[^./]+(?:\\.[^./]+)*\\Q");
        if (!entry.endsWith("/") && !entry.endsWith("*")) {
            regex = regex + ".*"; // without an ending token the firewall assumes a trailing *
        }
        return url.matches(regex + (entry.endsWith("/") ? ".*" : ""));
    }

    @Test
    void panOsUrlListLinesEndInTheEndingTokenSoNoEntryOvermatches() {
        for (String sample : SAMPLES.keySet()) {
            List<String> lines = render(new PanOsFormats.UrlList(), sample).lines().toList();
            assertThat(lines).isNotEmpty().allSatisfy(line -> {
                assertThat(line).endsWith("/").doesNotStartWith("#").hasSizeLessThanOrEqualTo(255);
                for (String token : line.substring(0, line.length() - 1).split("\\.")) {
                    assertThat(token).as("a * is a whole token").matches("\\*|[a-z0-9-]+");
                }
            });
        }
        List<String> wildcard = render(new PanOsFormats.UrlList(), "wildcard").lines().toList();
        assertThat(wildcard).contains("sophos.com/", "amazonaws.com/", "*.sophos.com/");
        assertThat(wildcard.stream().anyMatch(l -> panOsMatches(l, "sophos.com.evil.net"))).isFalse();
        assertThat(wildcard.stream().anyMatch(l -> panOsMatches(l, "amazonaws.com.evil.net"))).isFalse();
        assertThat(wildcard.stream().anyMatch(l -> panOsMatches(l, "evil.amazonaws.com"))).isFalse();
        assertThat(wildcard.stream().anyMatch(l -> panOsMatches(l, "a.b.sophos.com"))).isTrue();
        assertThat(wildcard.stream().anyMatch(l -> panOsMatches(l, "sophos.com"))).isTrue();
        // the checker can fail: the old lines without an ending token did over-match
        assertThat(panOsMatches("amazonaws.com", "amazonaws.com.evil.net")).isTrue();
    }

    @Test
    void panOsDecryptionExclusionsAreSetCommandsForEveryKnownHost() {
        String text = render(new PanOsFormats.DecryptionExclusion(), "wildcard");
        Pattern command = Pattern.compile("set shared ssl-decrypt ssl-exclude-cert \"(\\*\\.)?[a-z0-9.-]+\" description \"[^\"]*\" exclude yes");
        for (String line : text.lines().filter(l -> !l.startsWith("#")).toList()) {
            assertThat(line).matches(command);
        }
        for (String host : ExportSamples.WILDCARD_HOSTS) {
            assertThat(text).contains("ssl-exclude-cert \"" + host + "\"");
        }
    }

    // --- FortiOS CLI: block structure

    /** Checks FortiOS CLI structure: config/edit/next/end nesting, quoted names, and what each object needs. */
    static Map<String, Map<String, String>> checkFortiOs(String script) {
        Map<String, Map<String, String>> objects = new LinkedHashMap<>();
        List<String> stack = new ArrayList<>();
        String edit = null;
        Map<String, String> current = null;
        for (String raw : script.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("config ")) {
                stack.add(line.substring(7));
            } else if (line.startsWith("edit ")) {
                if (edit != null && !stack.get(stack.size() - 1).equals("ssl-exempt")) {
                    throw new IllegalStateException("edit inside edit: " + line);
                }
                String name = line.substring(5);
                if (!name.matches("\"[A-Za-z0-9_.-]{1,63}\"|[0-9]+")) {
                    throw new IllegalStateException("bad name: " + line);
                }
                edit = stack.get(stack.size() - 1) + " " + name.replace("\"", "");
                current = new LinkedHashMap<>();
                objects.put(edit, current);
            } else if (line.startsWith("set ")) {
                if (current == null) {
                    throw new IllegalStateException("set outside edit: " + line);
                }
                String[] parts = line.split(" ", 3);
                current.put(parts[1], parts.length > 2 ? parts[2] : "");
            } else if (line.equals("next")) {
                if (edit == null) {
                    throw new IllegalStateException("next without edit");
                }
                edit = null;
                current = null;
            } else if (line.equals("end")) {
                if (stack.isEmpty() || edit != null) {
                    throw new IllegalStateException("end without config, or before next");
                }
                stack.remove(stack.size() - 1);
                if (!stack.isEmpty()) { // the end of a nested config: back in the enclosing edit
                    edit = stack.get(stack.size() - 1);
                }
            } else {
                throw new IllegalStateException("not a FortiOS CLI line: " + line);
            }
        }
        if (!stack.isEmpty()) {
            throw new IllegalStateException("config without end: " + stack);
        }
        objects.forEach((name, settings) -> {
            if (name.startsWith("firewall address ")) {
                String type = settings.get("type");
                assertThat(type).isIn("fqdn", "wildcard-fqdn");
                String value = settings.get(type).replace("\"", "");
                assertThat(value).matches(type.equals("fqdn") ? FQDN.pattern() : "\\*\\." + FQDN.pattern());
            }
        });
        return objects;
    }

    @Test
    void fortiOsCliIsWellFormedAndTheGroupNamesOnlyItsAddresses() {
        for (String sample : SAMPLES.keySet()) {
            Map<String, Map<String, String>> objects = checkFortiOs(render(new FortiOsFormats.Cli(), sample));
            Set<String> addresses = new HashSet<>();
            objects.keySet().stream().filter(k -> k.startsWith("firewall address ")).forEach(k -> addresses.add(k.substring(17)));
            Map<String, String> group = objects.entrySet().stream().filter(e -> e.getKey().startsWith("firewall addrgrp "))
                    .findFirst().orElseThrow().getValue();
            List<String> members = List.of(group.get("member").replace("\"", "").split(" "));
            assertThat(new HashSet<>(members)).isEqualTo(addresses);
            checkFortiOs(render(new FortiOsFormats.SslExempt(), sample));
        }
        assertThatThrownBy(() -> checkFortiOs("config firewall address\n    edit \"a\"\n        set type fqdn\n    next\n"))
                .hasMessageContaining("without end");
        assertThatThrownBy(() -> checkFortiOs("config firewall address\n    edit \"a\"\n    edit \"b\"\n"))
                .hasMessageContaining("edit inside edit");
    }

    @Test
    void fortiOsNamesAreStableAndBoundedSoARerunUpdates() {
        String first = render(new FortiOsFormats.Cli(), "explicit");
        assertThat(render(new FortiOsFormats.Cli(), "explicit")).isEqualTo(first);
        String longValue = "tf-edr-message-upload-eu-central-1-prod-bucket.s3.amazonaws.com";
        String name = FortiOsFormats.name(SAMPLES.get("explicit"), longValue);
        assertThat(name).hasSizeLessThanOrEqualTo(63).startsWith("AP12-")
                .isNotEqualTo(FortiOsFormats.name(SAMPLES.get("explicit"), longValue.replace("central", "western")));
    }

    // --- Cisco Management Center objects

    @Test
    void ciscoObjectsAreExactFqdnObjectsAndUrlObjectsOnlyForWildcards() throws Exception {
        for (String sample : SAMPLES.keySet()) {
            JsonNode root = new ObjectMapper().readTree(render(new CiscoFormats.ManagementCenterObjects(), sample));
            for (JsonNode fqdn : root.get("fqdnObjects")) {
                assertThat(fqdn.get("type").asText()).isEqualTo("FQDN");
                assertThat(fqdn.get("value").asText()).matches(FQDN);
                assertThat(fqdn.get("name").asText()).matches("[a-zA-Z0-9_.+-]{1,64}");
            }
            for (JsonNode url : root.get("urlObjects")) {
                assertThat(url.get("type").asText()).isEqualTo("Url");
                assertThat(url.get("url").asText()).matches(FQDN).doesNotContain("/");
            }
        }
        JsonNode wildcard = new ObjectMapper().readTree(render(new CiscoFormats.ManagementCenterObjects(), "wildcard"));
        List<String> exact = new ArrayList<>();
        wildcard.get("fqdnObjects").forEach(n -> exact.add(n.get("value").asText()));
        List<String> urls = new ArrayList<>();
        wildcard.get("urlObjects").forEach(n -> urls.add(n.get("url").asText()));
        // the lines the old list let match whole domains are exact objects now
        assertThat(exact).contains("amazonaws.com", "sophos.com", "sophosxl.net");
        assertThat(urls).contains("sophos.com", "sophosxl.net").doesNotContain("amazonaws.com");
    }

    // --- Sophos Firewall XML

    static void validateSfos(String xml) throws Exception {
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(FirewallExportsTest.class.getResource("/xsd/sfos-request.xsd")).newValidator();
        validator.validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void sophosFirewallRequestsHaveTheXmlApiShape() throws Exception {
        for (String sample : SAMPLES.keySet()) {
            validateSfos(render(new SophosFirewallFormats.FqdnHosts(), sample));
            validateSfos(render(new SophosFirewallFormats.TlsExclusion(), sample));
        }
        String hosts = render(new SophosFirewallFormats.FqdnHosts(), "wildcard");
        assertThat(hosts).contains("<FQDN>*.sophos.com</FQDN>", "allows these domains by default");
        assertThatThrownBy(() -> validateSfos(hosts.replace("<FQDN>*.sophos.com</FQDN>", "<FQDN>*.sophos.com/x</FQDN>")))
                .isInstanceOf(SAXException.class);
        String tls = render(new SophosFirewallFormats.TlsExclusion(), "wildcard");
        assertThat(tls).contains("<URL>sophos.com</URL>").doesNotContain("<URL>central.sophos.com</URL>");
    }

    // --- regions the vendor names no host for

    @Test
    void aJapanCustomerNamesTheRulesItCouldNotEmit() throws Exception {
        JsonNode json = new ObjectMapper().readTree(render(new JsonFormat(), "japan"));
        List<String> rules = new ArrayList<>();
        json.get("unemitted").forEach(u -> {
            assertThat(u.get("region").asText()).isEqualTo("ap-northeast-1");
            rules.add(u.get("rule").asText());
        });
        assertThat(rules).contains("edr.live-terminal-<region>", "edr.mcs-push-server-<region>",
                "edr.message-upload-<region>", "ad-sync.presigned-url-<region>");
        String txt = render(new LineFormats.Txt(), "japan");
        for (String rule : rules) {
            assertThat(txt).contains("# Not emitted: Region ap-northeast-1: rule " + rule);
        }
        assertThat(txt).contains("live-terminal-<region>.prod.hydra.sophos.com) not emitted; covered by *.sophos.com");
    }

    @Test
    void headersStateThePortsOfTheirEntries() {
        assertThat(render(new LineFormats.Txt(), "wildcard")).contains("; ports: 80 (HTTP), 443 (HTTPS)\n")
                .doesNotContain("unless stated");
    }

    // --- check scripts

    @Test
    void theCheckScriptsTestEveryObservedHostAndPort80InWildcardMode() {
        String sh = render(new VerifyScripts.Shell(), "wildcard");
        String ps = render(new VerifyScripts.PowerShell(), "wildcard");
        for (String host : ExportSamples.WILDCARD_HOSTS) {
            assertThat(sh).contains("\ncheck " + host + " '' 80 443\n");
            assertThat(ps).contains("\nTest-AllowlistHost '" + host + "' '' @(80, 443)\n");
        }
        for (String certificateHost : List.of("ocsp.globalsign.com", "crl.globalsign.net", "ocsp.digicert.com", "crl4.digicert.com")) {
            assertThat(sh).contains("\ncheck " + certificateHost + " '' 80 443\n");
        }
        assertThat(render(new VerifyScripts.Shell(), "explicit")).contains("\ncheck prod.endpointintel.darkbytes.io 'running...' 80 443\n");
        assertThat(ps).doesNotContain("WebException").contains("SslStream").contains("CONNECT ");
    }
}
