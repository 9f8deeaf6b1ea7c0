package dev.allowlist.portal.export.core;

import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import dev.allowlist.portal.allowlist.core.Reason;
import dev.allowlist.portal.catalog.core.DomainName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The vendor's DNS and connection checks (source-en.md, section 6) as scripts for every host the
 * allowlist names exactly, in both modes: its exact entries, and the entries and observed MCS hosts
 * a wildcard took over. Each port an entry lists is tested: 443 by a TCP connection and a TLS
 * handshake (not an HTTP status, so that every PowerShell and curl give the same verdict), 80 by a
 * TCP connection; through the proxy when there is one (CONNECT for 443, a proxied GET for 80, where
 * the proxy's 403/407/5xx is a refusal). The MTR host must answer {@code running...}, as the vendor
 * page says. Wildcards and patterns cannot be probed; the scripts name them.
 */
public final class VerifyScripts {

    /** The host whose answer the vendor page states: {message: "running..."}. */
    static final String DARKBYTES = "prod.endpointintel.darkbytes.io";

    private VerifyScripts() {
    }

    /** Every host to test, with the ports of the entry that names it (or of the wildcard that took it over). */
    static Map<String, List<Integer>> testable(ExportFormat.ExportContext c) {
        return testable(c.allowlist());
    }

    static Map<String, List<Integer>> testable(Allowlist allowlist) {
        Map<String, TreeSet<Integer>> hosts = new LinkedHashMap<>();
        for (AllowlistEntry e : allowlist.entries()) {
            if (!ExportFormat.isWildcard(e) && !ExportFormat.isPattern(e)) {
                hosts.computeIfAbsent(e.value(), k -> new TreeSet<>()).addAll(e.ports());
            }
            for (Reason r : e.reasons()) {
                if (r.replaces() != null && DomainName.kindOf(r.replaces())
                        == DomainName.Kind.EXACT) {
                    hosts.computeIfAbsent(r.replaces(), k -> new TreeSet<>()).addAll(e.ports());
                }
            }
        }
        Map<String, List<Integer>> result = new LinkedHashMap<>();
        hosts.forEach((host, ports) -> result.put(host, List.copyOf(ports)));
        return result;
    }

    static List<ExportFormat.Omitted> untestable(ExportFormat.ExportContext c) {
        List<ExportFormat.Omitted> omitted = new ArrayList<>();
        for (AllowlistEntry e : c.allowlist().entries()) {
            if (ExportFormat.isWildcard(e) || ExportFormat.isPattern(e)) {
                omitted.add(new ExportFormat.Omitted(e.value(), "a wildcard cannot be probed; the hosts it stands for are tested"));
            }
        }
        return omitted;
    }

    static String ports(List<Integer> ports) {
        return String.join(" ", ports.stream().map(String::valueOf).toList());
    }

    /** A part of the scripts kept as a file beside this class (src/main/resources/export/). */
    static String part(String name) {
        try (InputStream in = VerifyScripts.class.getResourceAsStream("/export/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing script part " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String SH_FUNCTIONS = part("check-functions.sh");
    private static final String SH_REPORT = part("check-report.sh");
    private static final String PS_FUNCTIONS = part("check-functions.ps1");
    private static final String PS_REPORT = part("check-report.ps1");

    static String report(String template, ExportFormat.ExportContext c) {
        return template.replace("@CUSTOMER_ID@", String.valueOf(c.customerId())).replace("@VERSION@", String.valueOf(c.version()));
    }

    /** POSIX shell: host/getent and curl; a line per host, a summary, a JSON report, exit 1 on any failure. */
    static final class Shell implements ExportFormat {
        public String id() { return "verify-sh"; }
        public String extension() { return "sh"; }
        public String contentType() { return "text/x-shellscript; charset=UTF-8"; }

        public Export render(ExportContext c) {
            List<Omitted> omitted = untestable(c);
            StringBuilder out = new StringBuilder("#!/bin/sh\n");
            ExportFormat.headerLines("check script (POSIX shell)", c, omitted)
                    .forEach(line -> out.append("# ").append(line).append('\n'));
            out.append("""
                    # For every host: DNS (host, else getent; left to the proxy when there is one), then each port:
                    # 443 a TCP connection and a TLS handshake, 80 a TCP connection (through the proxy: a GET
                    # the proxy does not refuse with 403, 407 or 5xx). Needs curl. Exit 0: all passed; 1: not.
                    # ALLOWLIST_PROXY=host:port overrides the proxy below; ALLOWLIST_PROXY= tests directly.
                    # ALLOWLIST_REPORT_URL=<the portal's report URL> posts the results as JSON to the portal;
                    # ALLOWLIST_REPORT_FILE=<file> writes them to a file, to upload on the customer page.
                    """);
            out.append("PROXY=\"${ALLOWLIST_PROXY-").append(c.proxy() == null ? "" : c.proxy()).append("}\"\n");
            out.append(SH_FUNCTIONS);
            for (Map.Entry<String, List<Integer>> host : testable(c).entrySet()) {
                out.append("check ").append(host.getKey()).append(DARKBYTES.equals(host.getKey()) ? " 'running...' " : " '' ")
                        .append(ports(host.getValue())).append('\n');
            }
            for (Omitted o : omitted) {
                out.append("echo 'SKIP ").append(o.value()).append(" (a wildcard: the hosts it stands for are tested)'\n");
            }
            out.append(report(SH_REPORT, c));
            return new Export(out.toString(), omitted);
        }
    }

    /**
     * PowerShell (Windows PowerShell 5.1 and PowerShell 7): .NET sockets and SslStream, so that both
     * reach the same verdict; DNS by Resolve-DnsName where it exists, else System.Net.Dns.
     */
    static final class PowerShell implements ExportFormat {
        public String id() { return "verify-ps1"; }
        public String extension() { return "ps1"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }

        public Export render(ExportContext c) {
            List<Omitted> omitted = untestable(c);
            StringBuilder out = new StringBuilder();
            ExportFormat.headerLines("check script (PowerShell 5.1 and 7)", c, omitted)
                    .forEach(line -> out.append("# ").append(line).append('\n'));
            out.append("""
                    # For every host: DNS (left to the proxy when there is one), then each port: 443 a TCP
                    # connection and a TLS handshake, 80 a TCP connection (through the proxy: a GET the proxy
                    # does not refuse with 403, 407 or 5xx). $env:ALLOWLIST_PROXY = 'host:port' overrides the
                    # proxy below; an empty value tests directly. $env:ALLOWLIST_REPORT_URL posts the results
                    # as JSON to the portal; $env:ALLOWLIST_REPORT_FILE writes them to a file. Exit 0: all passed.
                    $ErrorActionPreference = 'Stop'
                    """);
            out.append("$Proxy = '").append(c.proxy() == null ? "" : c.proxy()).append("'\n");
            out.append(PS_FUNCTIONS);
            for (Map.Entry<String, List<Integer>> host : testable(c).entrySet()) {
                out.append("Test-AllowlistHost '").append(host.getKey()).append("' '")
                        .append(DARKBYTES.equals(host.getKey()) ? "running..." : "").append("' @(")
                        .append(String.join(", ", host.getValue().stream().map(String::valueOf).toList())).append(")\n");
            }
            for (Omitted o : omitted) {
                out.append("Write-Output 'SKIP ").append(o.value()).append(" (a wildcard: the hosts it stands for are tested)'\n");
            }
            out.append(report(PS_REPORT, c));
            return new Export(out.toString(), omitted);
        }
    }
}
