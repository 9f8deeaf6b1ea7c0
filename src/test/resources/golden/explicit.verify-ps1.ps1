# Allowlist Portal export: verification script (Windows PowerShell)
# Customer: 株式会社さくら物産 / Ünïcödé GmbH (#12)
# Allowlist version: v1 (content SHA-256 94af76029f3e844d11bd2e3444a400a8b1dc417ee3ebcef20e870e04d5d7e915)
# Rule catalog: sophos-central-2026.11
# Generated at: 2026-11-27T12:00:00Z
# Entries: 37, ports 80 and 443 unless stated
# Warning: *.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com needs a proxy that supports wildcards; the proxy of this customer does not.
# Warning: tf-presigned-url-eu-west-1-prod-*-bucket.s3.eu-west-1.amazonaws.com needs a proxy that supports wildcards; the proxy of this customer does not.
# Warning: *.mcs-push-server-eu-west-1.prod.hydra.sophos.com needs a proxy that supports wildcards; the proxy of this customer does not.
# Warning: *.cloudfront.net needs a proxy that supports wildcards; the proxy of this customer does not.
# Left out: *.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com - a wildcard cannot be probed; test the hosts it stands for
# Left out: tf-presigned-url-eu-west-1-prod-*-bucket.s3.eu-west-1.amazonaws.com - a wildcard cannot be probed; test the hosts it stands for
# Left out: *.mcs-push-server-eu-west-1.prod.hydra.sophos.com - a wildcard cannot be probed; test the hosts it stands for
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
Test-AllowlistHost 'dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com' ''
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
Test-AllowlistHost 'tf-edr-message-upload-eu-west-1-prod-bucket.s3.amazonaws.com' ''
Test-AllowlistHost 'live-terminal-eu-west-1.prod.hydra.sophos.com' ''
Test-AllowlistHost 'prod.endpointintel.darkbytes.io' 'running...'
Test-AllowlistHost 'az416426.vo.msecnd.net' ''
Test-AllowlistHost 'dc.services.visualstudio.com' ''
Test-AllowlistHost 'ocsp.globalsign.com' ''
Test-AllowlistHost 'ocsp2.globalsign.com' ''
Test-AllowlistHost 'crl.globalsign.com' ''
Test-AllowlistHost 'crl.globalsign.net' ''
Test-AllowlistHost 'ocsp.digicert.com' ''
Test-AllowlistHost 'crl3.digicert.com' ''
Test-AllowlistHost 'crl4.digicert.com' ''
Write-Output 'SKIP *.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com (wildcard: not testable)'
Write-Output 'SKIP tf-presigned-url-eu-west-1-prod-*-bucket.s3.eu-west-1.amazonaws.com (wildcard: not testable)'
Write-Output 'SKIP *.mcs-push-server-eu-west-1.prod.hydra.sophos.com (wildcard: not testable)'
Write-Output 'SKIP *.cloudfront.net (wildcard: not testable)'
Write-Output "Summary: $($script:pass) passed, $($script:fail) failed, 4 not testable"
if ($script:fail -gt 0) { exit 1 }
