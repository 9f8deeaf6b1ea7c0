# Verify an Allowlist Portal webhook (Standard Webhooks, HMAC-SHA256). Windows PowerShell 5.1 or PowerShell 7.
#   Test-WebhookSignature -Secret 'whsec_...' -Id $h['webhook-id'] -Timestamp $h['webhook-timestamp'] `
#       -Signature $h['webhook-signature'] -Body $rawBody
# $rawBody must be the request body exactly as received (a string), not re-serialised JSON.
function Test-WebhookSignature {
    param([string]$Secret, [string]$Id, [string]$Timestamp, [string]$Signature, [string]$Body, [int]$ToleranceSeconds = 300)
    $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
    if ([Math]::Abs($now - [long]$Timestamp) -gt $ToleranceSeconds) { return $false }   # a replay
    $key = [Convert]::FromBase64String(($Secret -replace '^whsec_', ''))
    $hmac = New-Object System.Security.Cryptography.HMACSHA256 -ArgumentList (, $key)
    $hash = $hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes("$Id.$Timestamp.$Body"))
    $expected = 'v1,' + [Convert]::ToBase64String($hash)
    # -ccontains: base64 is case-sensitive (PowerShell's -contains is not)
    return @($Signature -split ' ') -ccontains $expected
}
