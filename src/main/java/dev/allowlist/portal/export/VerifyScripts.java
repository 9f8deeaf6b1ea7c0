package dev.allowlist.portal.export;

import dev.allowlist.portal.allowlist.AllowlistEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The vendor's DNS and connection checks (source-en.md, section 6) as scripts for every testable host
 * of the allowlist: each exact entry and observed host. Wildcards and patterns cannot be probed; the
 * scripts name them.
 */
final class VerifyScripts {

    /** The host whose answer the vendor page states: {message: "running..."}. */
    static final String DARKBYTES = "prod.endpointintel.darkbytes.io";

    private VerifyScripts() {
    }

    static List<String> testable(ExportFormat.ExportContext c) {
        return c.allowlist().entries().stream().filter(e -> !ExportFormat.isWildcard(e) && !ExportFormat.isPattern(e))
                .map(AllowlistEntry::value).toList();
    }

    static List<ExportFormat.Omitted> untestable(ExportFormat.ExportContext c) {
        List<ExportFormat.Omitted> omitted = new ArrayList<>();
        for (AllowlistEntry e : c.allowlist().entries()) {
            if (ExportFormat.isWildcard(e) || ExportFormat.isPattern(e)) {
                omitted.add(new ExportFormat.Omitted(e.value(), "a wildcard cannot be probed; test the hosts it stands for"));
            }
        }
        return omitted;
    }

    /** POSIX shell: getent/host and curl; a line per host, a summary, exit 1 on any failure. */
    static final class Shell implements ExportFormat {
        public String id() { return "verify-sh"; }
        public String extension() { return "sh"; }
        public String contentType() { return "text/x-shellscript; charset=UTF-8"; }

        public Export render(ExportContext c) {
            List<Omitted> omitted = untestable(c);
            StringBuilder out = new StringBuilder("#!/bin/sh\n");
            ExportFormat.headerLines("verification script (POSIX shell)", c, omitted)
                    .forEach(line -> out.append("# ").append(line).append('\n'));
            out.append("""
                    # Checks DNS and an HTTPS connection for every testable host, as the vendor page describes.
                    # Needs curl, and getent or host. Exit status 0: all passed; 1: something failed.
                    pass=0
                    fail=0
                    resolve() {
                      if command -v getent >/dev/null 2>&1; then getent hosts "$1" >/dev/null 2>&1
                      else host "$1" >/dev/null 2>&1; fi
                    }
                    check() {
                      if ! resolve "$1"; then
                        echo "FAIL $1 (no DNS answer)"; fail=$((fail + 1)); return
                      fi
                      body=$(curl -sS --max-time 15 "https://$1/" 2>/dev/null)
                      status=$?
                      if [ "$status" -ne 0 ]; then
                        echo "FAIL $1 (no HTTPS connection, curl exit $status)"; fail=$((fail + 1)); return
                      fi
                      if [ -n "$2" ]; then
                        case "$body" in
                          *"$2"*) ;;
                          *) echo "FAIL $1 (answer does not contain $2)"; fail=$((fail + 1)); return ;;
                        esac
                      fi
                      echo "PASS $1"; pass=$((pass + 1))
                    }
                    """);
            for (String host : testable(c)) {
                out.append("check ").append(host).append(DARKBYTES.equals(host) ? " 'running...'" : " ''").append('\n');
            }
            for (Omitted o : omitted) {
                out.append("echo 'SKIP ").append(o.value()).append(" (wildcard: not testable)'\n");
            }
            out.append("echo \"Summary: $pass passed, $fail failed, ").append(omitted.size())
                    .append(" not testable\"\n");
            out.append("[ \"$fail\" -eq 0 ]\n");
            return new Export(out.toString(), omitted);
        }
    }

    /** Windows PowerShell: Resolve-DnsName and Invoke-WebRequest; a line per host and a summary. */
    static final class PowerShell implements ExportFormat {
        public String id() { return "verify-ps1"; }
        public String extension() { return "ps1"; }
        public String contentType() { return "text/plain; charset=UTF-8"; }

        public Export render(ExportContext c) {
            List<Omitted> omitted = untestable(c);
            StringBuilder out = new StringBuilder();
            ExportFormat.headerLines("verification script (Windows PowerShell)", c, omitted)
                    .forEach(line -> out.append("# ").append(line).append('\n'));
            out.append("""
                    # Checks DNS and an HTTPS connection for every testable host, as the vendor page describes.
                    $ErrorActionPreference = 'Stop'
                    $script:pass = 0
                    $script:fail = 0
                    function Test-AllowlistHost([string]$Name, [string]$Expect) {
                      try { Resolve-DnsName -Name $Name | Out-Null }
                      catch { Write-Output "FAIL $Name (no DNS answer)"; $script:fail++; return }
                      try {
                        $response = Invoke-WebRequest -Uri "https://$Name/" -UseBasicParsing -TimeoutSec 15
                        $body = [string]$response.Content
                      } catch [System.Net.WebException] {
                        if ($null -eq $_.Exception.Response) { Write-Output "FAIL $Name (no HTTPS connection)"; $script:fail++; return }
                        $body = ''
                      } catch {
                        Write-Output "FAIL $Name (no HTTPS connection)"; $script:fail++; return
                      }
                      if ($Expect -and -not $body.Contains($Expect)) { Write-Output "FAIL $Name (answer does not contain $Expect)"; $script:fail++; return }
                      Write-Output "PASS $Name"; $script:pass++
                    }
                    """);
            for (String host : testable(c)) {
                out.append("Test-AllowlistHost '").append(host).append("' '")
                        .append(DARKBYTES.equals(host) ? "running..." : "").append("'\n");
            }
            for (Omitted o : omitted) {
                out.append("Write-Output 'SKIP ").append(o.value()).append(" (wildcard: not testable)'\n");
            }
            out.append("Write-Output \"Summary: $($script:pass) passed, $($script:fail) failed, ").append(omitted.size())
                    .append(" not testable\"\n");
            out.append("if ($script:fail -gt 0) { exit 1 }\n");
            return new Export(out.toString(), omitted);
        }
    }
}
