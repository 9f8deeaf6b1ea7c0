# Allowlist Portal export: verification script (Windows PowerShell)
# Customer: =HYPERLINK("http://evil") # injected  */   </script> (#13)
# Allowlist version: v7 (content SHA-256 061ce6382da641d1356c37e1651c9fc35c4076969c1b48069265bdce971ef1d8)
# Rule catalog: sophos-central-2026.11
# Generated at: 2026-11-27T12:00:00Z
# Entries: 32, ports 80 and 443 unless stated
# Warning: Region ap-southeast-2 is not one the vendor names; no region-bound rule exists for it.
# Warning: No narrower form of *.hydra.sophos.com exists for region ap-southeast-2; it is kept.
# Warning: *.hydra.sophos.com needs a proxy that supports wildcards; the proxy of this customer does not.
# Warning: *.cloudfront.net needs a proxy that supports wildcards; the proxy of this customer does not.
# Left out: *.hydra.sophos.com - a wildcard cannot be probed; test the hosts it stands for
# Left out: *.cloudfront.net - a wildcard cannot be probed; test the hosts it stands for
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
Test-AllowlistHost 'central.sophos.com' ''
Test-AllowlistHost 'cloud-assets.sophos.com' ''
Test-AllowlistHost 'sophos.com' ''
Test-AllowlistHost 'downloads.sophos.com' ''
Test-AllowlistHost 'mcs.sophos.com' ''
Test-AllowlistHost 'dci.sophosupd.com' ''
Test-AllowlistHost 'd1.sophosupd.com' ''
Test-AllowlistHost 'd2.sophosupd.com' ''
Test-AllowlistHost 'd3.sophosupd.com' ''
Test-AllowlistHost 'dci.sophosupd.net' ''
Test-AllowlistHost 'd1.sophosupd.net' ''
Test-AllowlistHost 'd2.sophosupd.net' ''
Test-AllowlistHost 'd3.sophosupd.net' ''
Test-AllowlistHost 't1.sophosupd.com' ''
Test-AllowlistHost 'sdu-feedback.sophos.com' ''
Test-AllowlistHost 'sophosxl.net' ''
Test-AllowlistHost '4.sophosxl.net' ''
Test-AllowlistHost 'samples.sophosxl.net' ''
Test-AllowlistHost 'cloud.sophos.com' ''
Test-AllowlistHost 'id.sophos.com' ''
Test-AllowlistHost 'amazonaws.com' ''
Test-AllowlistHost 'az416426.vo.msecnd.net' ''
Test-AllowlistHost 'dc.services.visualstudio.com' ''
Test-AllowlistHost 'ocsp.globalsign.com' ''
Test-AllowlistHost 'ocsp2.globalsign.com' ''
Test-AllowlistHost 'crl.globalsign.com' ''
Test-AllowlistHost 'crl.globalsign.net' ''
Test-AllowlistHost 'ocsp.digicert.com' ''
Test-AllowlistHost 'crl3.digicert.com' ''
Test-AllowlistHost 'crl4.digicert.com' ''
Write-Output 'SKIP *.hydra.sophos.com (wildcard: not testable)'
Write-Output 'SKIP *.cloudfront.net (wildcard: not testable)'
Write-Output "Summary: $($script:pass) passed, $($script:fail) failed, 2 not testable"
if ($script:fail -gt 0) { exit 1 }
