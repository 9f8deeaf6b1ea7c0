package dev.allowlist.portal.export;

import dev.allowlist.portal.allowlist.AllowlistEntry;
import dev.allowlist.portal.allowlist.Reason;
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
final class VerifyScripts {

    /** The host whose answer the vendor page states: {message: "running..."}. */
    static final String DARKBYTES = "prod.endpointintel.darkbytes.io";

    private VerifyScripts() {
    }

    /** Every host to test, with the ports of the entry that names it (or of the wildcard that took it over). */
    static Map<String, List<Integer>> testable(ExportFormat.ExportContext c) {
        Map<String, TreeSet<Integer>> hosts = new LinkedHashMap<>();
        for (AllowlistEntry e : c.allowlist().entries()) {
            if (!ExportFormat.isWildcard(e) && !ExportFormat.isPattern(e)) {
                hosts.computeIfAbsent(e.value(), k -> new TreeSet<>()).addAll(e.ports());
            }
            for (Reason r : e.reasons()) {
                if (r.replaces() != null && dev.allowlist.portal.catalog.DomainName.kindOf(r.replaces())
                        == dev.allowlist.portal.catalog.DomainName.Kind.EXACT) {
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

    /** POSIX shell: host/getent and curl; a line per host, a summary, exit 1 on any failure. */
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
                    """);
            out.append("PROXY=\"${ALLOWLIST_PROXY-").append(c.proxy() == null ? "" : c.proxy()).append("}\"\n");
            out.append("""
                    pass=0
                    fail=0
                    via() {
                      if [ -n "$PROXY" ]; then curl --proxy "http://$PROXY" "$@"; else curl "$@"; fi
                    }
                    resolves() {
                      if command -v host >/dev/null 2>&1; then host "$1" >/dev/null 2>&1
                      else getent hosts "$1" >/dev/null 2>&1; fi
                    }
                    port_ok() {
                      if [ "$2" = 443 ]; then
                        t=$(via -s -o /dev/null --connect-timeout 10 --max-time 20 -w '%{time_appconnect}' "https://$1/" 2>/dev/null)
                        case "$t" in ''|0|0.0|0.000000|0,000000) return 1 ;; esac
                      elif [ -n "$PROXY" ]; then
                        code=$(via -s -o /dev/null --connect-timeout 10 --max-time 20 -w '%{http_code}' "http://$1:$2/" 2>/dev/null)
                        case "$code" in ''|000|403|407|5??) return 1 ;; esac
                      else
                        t=$(curl -s -o /dev/null --connect-timeout 10 --max-time 20 -w '%{time_connect}' "http://$1:$2/" 2>/dev/null)
                        case "$t" in ''|0|0.0|0.000000|0,000000) return 1 ;; esac
                      fi
                      return 0
                    }
                    check() {
                      host_name=$1
                      expect=$2
                      shift 2
                      if [ -z "$PROXY" ] && ! resolves "$host_name"; then
                        echo "FAIL $host_name (no DNS answer)"; fail=$((fail + 1)); return
                      fi
                      failed=''
                      for port in "$@"; do
                        port_ok "$host_name" "$port" || failed="$failed $port"
                      done
                      if [ -n "$failed" ]; then
                        echo "FAIL $host_name (no connection on port$failed)"; fail=$((fail + 1)); return
                      fi
                      if [ -n "$expect" ]; then
                        body=$(via -s --max-time 20 "https://$host_name/" 2>/dev/null)
                        case "$body" in
                          *"$expect"*) ;;
                          *) echo "FAIL $host_name (the answer does not contain $expect)"; fail=$((fail + 1)); return ;;
                        esac
                      fi
                      echo "PASS $host_name (ports $*)"; pass=$((pass + 1))
                    }
                    """);
            for (Map.Entry<String, List<Integer>> host : testable(c).entrySet()) {
                out.append("check ").append(host.getKey()).append(DARKBYTES.equals(host.getKey()) ? " 'running...' " : " '' ")
                        .append(ports(host.getValue())).append('\n');
            }
            for (Omitted o : omitted) {
                out.append("echo 'SKIP ").append(o.value()).append(" (a wildcard: the hosts it stands for are tested)'\n");
            }
            out.append("echo \"$pass passed, $fail failed\"\n");
            out.append("[ \"$fail\" -eq 0 ]\n");
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
                    # proxy below; an empty value tests directly. Exit 0: all passed; 1: not.
                    $ErrorActionPreference = 'Stop'
                    """);
            out.append("$Proxy = '").append(c.proxy() == null ? "" : c.proxy()).append("'\n");
            out.append("""
                    if ($null -ne $env:ALLOWLIST_PROXY) { $Proxy = $env:ALLOWLIST_PROXY }
                    $script:pass = 0
                    $script:fail = 0
                    function Read-Head([System.IO.Stream]$Stream) {
                      $bytes = New-Object System.Collections.Generic.List[byte]
                      while ($bytes.Count -lt 16384) {
                        $b = $Stream.ReadByte()
                        if ($b -lt 0) { break }
                        $bytes.Add([byte]$b)
                        $n = $bytes.Count
                        if ($n -ge 4 -and $bytes[$n - 4] -eq 13 -and $bytes[$n - 3] -eq 10 -and $bytes[$n - 2] -eq 13 -and $bytes[$n - 1] -eq 10) { break }
                      }
                      return [System.Text.Encoding]::ASCII.GetString($bytes.ToArray())
                    }
                    function Send-Text([System.IO.Stream]$Stream, [string]$Text) {
                      $bytes = [System.Text.Encoding]::ASCII.GetBytes($Text)
                      $Stream.Write($bytes, 0, $bytes.Length)
                      $Stream.Flush()
                    }
                    function Get-Status([string]$Head) {
                      if ($Head -match '^HTTP/\\d(\\.\\d)? (\\d{3})') { return [int]$Matches[2] }
                      return 0
                    }
                    function Open-Tcp([string]$Name, [int]$Port) {
                      $client = New-Object System.Net.Sockets.TcpClient
                      if (-not $client.ConnectAsync($Name, $Port).Wait(10000)) { throw "timeout" }
                      $stream = $client.GetStream()
                      $stream.ReadTimeout = 20000
                      $stream.WriteTimeout = 20000
                      return $stream
                    }
                    function Open-Tls([string]$Name) {
                      if ($Proxy) {
                        $p = $Proxy.Split(':')
                        $stream = Open-Tcp $p[0] ([int]$p[1])
                        Send-Text $stream "CONNECT ${Name}:443 HTTP/1.1`r`nHost: ${Name}:443`r`n`r`n"
                        if ((Get-Status (Read-Head $stream)) -ne 200) { throw "refused by the proxy" }
                      } else {
                        $stream = Open-Tcp $Name 443
                      }
                      $tls = New-Object System.Net.Security.SslStream($stream, $false)
                      $tls.AuthenticateAsClient($Name, $null, [System.Security.Authentication.SslProtocols]::Tls12, $false)
                      return $tls
                    }
                    function Test-Port([string]$Name, [int]$Port) {
                      try {
                        if ($Port -eq 443) { (Open-Tls $Name).Dispose(); return $true }
                        if ($Proxy) {
                          $p = $Proxy.Split(':')
                          $stream = Open-Tcp $p[0] ([int]$p[1])
                          Send-Text $stream "GET http://${Name}:${Port}/ HTTP/1.1`r`nHost: ${Name}`r`nConnection: close`r`n`r`n"
                          $status = Get-Status (Read-Head $stream)
                          $stream.Dispose()
                          return ($status -ne 0 -and $status -ne 403 -and $status -ne 407 -and $status -lt 500)
                        }
                        (Open-Tcp $Name $Port).Dispose()
                        return $true
                      } catch { return $false }
                    }
                    function Test-Resolves([string]$Name) {
                      try {
                        if (Get-Command Resolve-DnsName -ErrorAction SilentlyContinue) { Resolve-DnsName -Name $Name | Out-Null }
                        else { [System.Net.Dns]::GetHostAddresses($Name) | Out-Null }
                        return $true
                      } catch { return $false }
                    }
                    function Test-AllowlistHost([string]$Name, [string]$Expect, [int[]]$Ports) {
                      if (-not $Proxy -and -not (Test-Resolves $Name)) { Write-Output "FAIL $Name (no DNS answer)"; $script:fail++; return }
                      $failed = @($Ports | Where-Object { -not (Test-Port $Name $_) })
                      if ($failed.Count -gt 0) { Write-Output "FAIL $Name (no connection on port $($failed -join ' '))"; $script:fail++; return }
                      if ($Expect) {
                        try {
                          $tls = Open-Tls $Name
                          Send-Text $tls "GET / HTTP/1.1`r`nHost: $Name`r`nConnection: close`r`n`r`n"
                          $body = (New-Object System.IO.StreamReader($tls)).ReadToEnd()
                          $tls.Dispose()
                        } catch { $body = '' }
                        if (-not $body.Contains($Expect)) { Write-Output "FAIL $Name (the answer does not contain $Expect)"; $script:fail++; return }
                      }
                      Write-Output "PASS $Name (ports $($Ports -join ' '))"; $script:pass++
                    }
                    """);
            for (Map.Entry<String, List<Integer>> host : testable(c).entrySet()) {
                out.append("Test-AllowlistHost '").append(host.getKey()).append("' '")
                        .append(DARKBYTES.equals(host.getKey()) ? "running..." : "").append("' @(")
                        .append(String.join(", ", host.getValue().stream().map(String::valueOf).toList())).append(")\n");
            }
            for (Omitted o : omitted) {
                out.append("Write-Output 'SKIP ").append(o.value()).append(" (a wildcard: the hosts it stands for are tested)'\n");
            }
            out.append("Write-Output \"$($script:pass) passed, $($script:fail) failed\"\n");
            out.append("if ($script:fail -gt 0) { exit 1 }\n");
            return new Export(out.toString(), omitted);
        }
    }
}
