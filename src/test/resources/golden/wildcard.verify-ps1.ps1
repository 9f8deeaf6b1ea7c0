# Allowlist Portal export: verification script (Windows PowerShell)
# Customer: Sakura Trading K.K. (#11)
# Allowlist version: v3 (content SHA-256 61136dd31f541894b7aa0a61ba7ad082d724deba29af507c0df748809a9bd972)
# Rule catalog: sophos-central-2026.11
# Generated at: 2026-11-27T12:00:00Z
# Entries: 18, ports 80 and 443 unless stated
# Left out: *.sophos.com - a wildcard cannot be probed; test the hosts it stands for
# Left out: *.sophosupd.com - a wildcard cannot be probed; test the hosts it stands for
# Left out: *.sophosupd.net - a wildcard cannot be probed; test the hosts it stands for
# Left out: *.sophosxl.net - a wildcard cannot be probed; test the hosts it stands for
# Left out: *.s3.eu-west-1.amazonaws.com - a wildcard cannot be probed; test the hosts it stands for
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
Test-AllowlistHost 'sophos.com' ''
Test-AllowlistHost 'sophosxl.net' ''
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
Write-Output 'SKIP *.sophos.com (wildcard: not testable)'
Write-Output 'SKIP *.sophosupd.com (wildcard: not testable)'
Write-Output 'SKIP *.sophosupd.net (wildcard: not testable)'
Write-Output 'SKIP *.sophosxl.net (wildcard: not testable)'
Write-Output 'SKIP *.s3.eu-west-1.amazonaws.com (wildcard: not testable)'
Write-Output 'SKIP *.cloudfront.net (wildcard: not testable)'
Write-Output "Summary: $($script:pass) passed, $($script:fail) failed, 6 not testable"
if ($script:fail -gt 0) { exit 1 }
