# Allowlist Portal export: check script (PowerShell 5.1 and 7)
# Customer: 株式会社さくら物産 / Ünïcödé GmbH (#12)
# Allowlist version: v1 (content SHA-256 94af76029f3e844d11bd2e3444a400a8b1dc417ee3ebcef20e870e04d5d7e915)
# Rule catalog: sophos-central-2026.11
# Generated at: 2026-11-27T12:00:00Z
# Entries: 37; ports: 80 (HTTP), 443 (HTTPS)
# Warning: *.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com needs a proxy that supports wildcards; the proxy of this customer does not.
# Warning: tf-presigned-url-eu-west-1-prod-*-bucket.s3.eu-west-1.amazonaws.com needs a proxy that supports wildcards; the proxy of this customer does not.
# Warning: *.mcs-push-server-eu-west-1.prod.hydra.sophos.com needs a proxy that supports wildcards; the proxy of this customer does not.
# Warning: *.cloudfront.net needs a proxy that supports wildcards; the proxy of this customer does not.
# Left out: *.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com - a wildcard cannot be probed; the hosts it stands for are tested
# Left out: tf-presigned-url-eu-west-1-prod-*-bucket.s3.eu-west-1.amazonaws.com - a wildcard cannot be probed; the hosts it stands for are tested
# Left out: *.mcs-push-server-eu-west-1.prod.hydra.sophos.com - a wildcard cannot be probed; the hosts it stands for are tested
# Left out: *.cloudfront.net - a wildcard cannot be probed; the hosts it stands for are tested
# For every host: DNS (left to the proxy when there is one), then each port: 443 a TCP
# connection and a TLS handshake, 80 a TCP connection (through the proxy: a GET the proxy
# does not refuse with 403, 407 or 5xx). $env:ALLOWLIST_PROXY = 'host:port' overrides the
# proxy below; an empty value tests directly. $env:ALLOWLIST_REPORT_URL posts the results
# as JSON to the portal; $env:ALLOWLIST_REPORT_FILE writes them to a file. Exit 0: all passed.
$ErrorActionPreference = 'Stop'
$Proxy = ''
if ($null -ne $env:ALLOWLIST_PROXY) { $Proxy = $env:ALLOWLIST_PROXY }
$ScriptVersion = '2'
$script:pass = 0
$script:fail = 0
$script:results = New-Object System.Collections.Generic.List[object]
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
  if ($Head -match '^HTTP/\d(\.\d)? (\d{3})') { return [int]$Matches[2] }
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
    $status = Get-Status (Read-Head $stream)
    if ($status -ne 200) { throw "refused by the proxy (HTTP $status)" }
  } else {
    $stream = Open-Tcp $Name 443
  }
  $tls = New-Object System.Net.Security.SslStream($stream, $false)
  $tls.AuthenticateAsClient($Name, $null, [System.Security.Authentication.SslProtocols]::Tls12, $false)
  return $tls
}
# One port of one host: TLS handshake on 443, TCP connection otherwise (a GET the proxy must not refuse)
function Test-Port([string]$Name, [int]$Port) {
  $watch = [System.Diagnostics.Stopwatch]::StartNew()
  try {
    if ($Port -eq 443) {
      (Open-Tls $Name).Dispose()
    } elseif ($Proxy) {
      $p = $Proxy.Split(':')
      $stream = Open-Tcp $p[0] ([int]$p[1])
      Send-Text $stream "GET http://${Name}:${Port}/ HTTP/1.1`r`nHost: ${Name}`r`nConnection: close`r`n`r`n"
      $status = Get-Status (Read-Head $stream)
      $stream.Dispose()
      if ($status -eq 0 -or $status -eq 403 -or $status -eq 407 -or $status -ge 500) {
        return [ordered]@{ port = $Port; ok = $false; ms = $null; error = "refused by the proxy (HTTP $status)" }
      }
    } else {
      (Open-Tcp $Name $Port).Dispose()
    }
    return [ordered]@{ port = $Port; ok = $true; ms = [int]$watch.ElapsedMilliseconds; error = $null }
  } catch {
    $reason = if ($Port -eq 443) { 'no TLS handshake' } else { 'no TCP connection' }
    return [ordered]@{ port = $Port; ok = $false; ms = $null; error = $reason }
  }
}
function Test-Resolves([string]$Name) {
  try {
    if (Get-Command Resolve-DnsName -ErrorAction SilentlyContinue) { Resolve-DnsName -Name $Name | Out-Null }
    else { [System.Net.Dns]::GetHostAddresses($Name) | Out-Null }
    return $true
  } catch { return $false }
}
function Test-AllowlistHost([string]$Name, [string]$Expect, [int[]]$Ports) {
  $dns = $null
  if (-not $Proxy) { $dns = Test-Resolves $Name }
  $tested = @()
  if ($dns -ne $false) { $tested = @($Ports | ForEach-Object { Test-Port $Name $_ }) }
  $failed = @($tested | Where-Object { -not $_.ok } | ForEach-Object { $_.port })
  $answer = $null
  if ($Expect -and $dns -ne $false -and $failed.Count -eq 0) {
    try {
      $tls = Open-Tls $Name
      Send-Text $tls "GET / HTTP/1.1`r`nHost: $Name`r`nConnection: close`r`n`r`n"
      $body = (New-Object System.IO.StreamReader($tls)).ReadToEnd()
      $tls.Dispose()
    } catch { $body = '' }
    $answer = $body.Contains($Expect)
  }
  $script:results.Add([ordered]@{ host = $Name; dns = $dns; ports = $tested; answer = $answer })
  if ($dns -eq $false) { Write-Output "FAIL $Name (no DNS answer)"; $script:fail++ }
  elseif ($failed.Count -gt 0) { Write-Output "FAIL $Name (no connection on port $($failed -join ' '))"; $script:fail++ }
  elseif ($answer -eq $false) { Write-Output "FAIL $Name (the answer does not contain $Expect)"; $script:fail++ }
  else { Write-Output "PASS $Name (ports $($Ports -join ' '))"; $script:pass++ }
}
Test-AllowlistHost 'central.sophos.com' '' @(80, 443)
Test-AllowlistHost 'cloud-assets.sophos.com' '' @(80, 443)
Test-AllowlistHost 'sophos.com' '' @(80, 443)
Test-AllowlistHost 'downloads.sophos.com' '' @(80, 443)
Test-AllowlistHost 'dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com' '' @(80, 443)
Test-AllowlistHost 'dci.sophosupd.com' '' @(80, 443)
Test-AllowlistHost 'd1.sophosupd.com' '' @(80, 443)
Test-AllowlistHost 'd2.sophosupd.com' '' @(80, 443)
Test-AllowlistHost 'd3.sophosupd.com' '' @(80, 443)
Test-AllowlistHost 'dci.sophosupd.net' '' @(80, 443)
Test-AllowlistHost 'd1.sophosupd.net' '' @(80, 443)
Test-AllowlistHost 'd2.sophosupd.net' '' @(80, 443)
Test-AllowlistHost 'd3.sophosupd.net' '' @(80, 443)
Test-AllowlistHost 't1.sophosupd.com' '' @(80, 443)
Test-AllowlistHost 'sdu-feedback.sophos.com' '' @(80, 443)
Test-AllowlistHost 'sophosxl.net' '' @(80, 443)
Test-AllowlistHost '4.sophosxl.net' '' @(80, 443)
Test-AllowlistHost 'samples.sophosxl.net' '' @(80, 443)
Test-AllowlistHost 'cloud.sophos.com' '' @(80, 443)
Test-AllowlistHost 'id.sophos.com' '' @(80, 443)
Test-AllowlistHost 'amazonaws.com' '' @(80, 443)
Test-AllowlistHost 'tf-edr-message-upload-eu-west-1-prod-bucket.s3.amazonaws.com' '' @(80, 443)
Test-AllowlistHost 'live-terminal-eu-west-1.prod.hydra.sophos.com' '' @(80, 443)
Test-AllowlistHost 'prod.endpointintel.darkbytes.io' 'running...' @(80, 443)
Test-AllowlistHost 'az416426.vo.msecnd.net' '' @(80, 443)
Test-AllowlistHost 'dc.services.visualstudio.com' '' @(80, 443)
Test-AllowlistHost 'ocsp.globalsign.com' '' @(80, 443)
Test-AllowlistHost 'ocsp2.globalsign.com' '' @(80, 443)
Test-AllowlistHost 'crl.globalsign.com' '' @(80, 443)
Test-AllowlistHost 'crl.globalsign.net' '' @(80, 443)
Test-AllowlistHost 'ocsp.digicert.com' '' @(80, 443)
Test-AllowlistHost 'crl3.digicert.com' '' @(80, 443)
Test-AllowlistHost 'crl4.digicert.com' '' @(80, 443)
Write-Output 'SKIP *.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com (a wildcard: the hosts it stands for are tested)'
Write-Output 'SKIP tf-presigned-url-eu-west-1-prod-*-bucket.s3.eu-west-1.amazonaws.com (a wildcard: the hosts it stands for are tested)'
Write-Output 'SKIP *.mcs-push-server-eu-west-1.prod.hydra.sophos.com (a wildcard: the hosts it stands for are tested)'
Write-Output 'SKIP *.cloudfront.net (a wildcard: the hosts it stands for are tested)'
Write-Output "$($script:pass) passed, $($script:fail) failed"
$report = [ordered]@{
  schema = 'allowlist-check/1'; scriptVersion = $ScriptVersion; customerId = 12; allowlistVersion = 1
  machine = [System.Environment]::MachineName; proxy = $(if ($Proxy) { $Proxy } else { $null }); results = $script:results
}
$json = $report | ConvertTo-Json -Depth 6 -Compress
if ($env:ALLOWLIST_REPORT_FILE) {
  [System.IO.File]::WriteAllText($env:ALLOWLIST_REPORT_FILE, $json, (New-Object System.Text.UTF8Encoding($false)))
  Write-Output "Report written to $($env:ALLOWLIST_REPORT_FILE)"
}
if ($env:ALLOWLIST_REPORT_URL) {
  try {
    Invoke-RestMethod -Uri $env:ALLOWLIST_REPORT_URL -Method Post -ContentType 'application/json' -Body ([System.Text.Encoding]::UTF8.GetBytes($json)) | Out-Null
    Write-Output 'Report sent to the portal'
  } catch { Write-Output "The portal did not take the report: $($_.Exception.Message)" }
}
if ($script:fail -gt 0) { exit 1 }
