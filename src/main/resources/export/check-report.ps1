Write-Output "$($script:pass) passed, $($script:fail) failed"
$report = [ordered]@{
  schema = 'allowlist-check/1'; scriptVersion = $ScriptVersion; customerId = @CUSTOMER_ID@; allowlistVersion = @VERSION@
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
