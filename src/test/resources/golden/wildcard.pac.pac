// Allowlist Portal export: proxy auto-config (PAC)
// Customer: Sakura Trading K.K. (#11)
// Allowlist version: v3 (content SHA-256 61136dd31f541894b7aa0a61ba7ad082d724deba29af507c0df748809a9bd972)
// Rule catalog: sophos-central-2026.11
// Generated at: 2026-11-27T12:00:00Z
// Entries: 18; ports: 80 (HTTP), 443 (HTTPS)
// Allowlisted hosts go DIRECT; everything else goes to PROXY proxy.corp.example:3128
function FindProxyForURL(url, host) {
  host = host.toLowerCase();
  if (dnsDomainIs(host, ".sophos.com")
      || host == "sophos.com"
      || dnsDomainIs(host, ".sophosupd.com")
      || dnsDomainIs(host, ".sophosupd.net")
      || dnsDomainIs(host, ".sophosxl.net")
      || host == "sophosxl.net"
      || host == "amazonaws.com"
      || dnsDomainIs(host, ".s3.eu-west-1.amazonaws.com")
      || host == "az416426.vo.msecnd.net"
      || host == "dc.services.visualstudio.com"
      || dnsDomainIs(host, ".cloudfront.net")
      || host == "ocsp.globalsign.com"
      || host == "ocsp2.globalsign.com"
      || host == "crl.globalsign.com"
      || host == "crl.globalsign.net"
      || host == "ocsp.digicert.com"
      || host == "crl3.digicert.com"
      || host == "crl4.digicert.com") {
    return "DIRECT";
  }
  return "PROXY proxy.corp.example:3128";
}
