// Allowlist Portal export: proxy auto-config (PAC)
// Customer: Tokyo Works (#14)
// Allowlist version: v2 (content SHA-256 0b92bf7d3fac1573d82462a67ba351ed5dc1e4ed1d670b08b9a96bd60afaeaae)
// Rule catalog: sophos-central-2026.11
// Generated at: 2026-11-27T12:00:00Z
// Entries: 17; ports: 80 (HTTP), 443 (HTTPS)
// Warning: The vendor page names no region-bound host for region ap-northeast-1; the rules that could not be emitted are listed.
// Not emitted: Region ap-northeast-1: rule ad-sync.presigned-url-<region> (tf-presigned-url-<region>-prod-*-bucket.s3.<region>.amazonaws.com) not emitted; no entry of this allowlist covers it: ask Sophos for the host of this region
// Not emitted: Region ap-northeast-1: rule ad-sync.wildcard-s3-<region> (*.s3.<region>.amazonaws.com) not emitted; no entry of this allowlist covers it: ask Sophos for the host of this region
// Not emitted: Region ap-northeast-1: rule edr.message-upload-<region> (tf-edr-message-upload-<region>-prod-bucket.s3.amazonaws.com) not emitted; no entry of this allowlist covers it: ask Sophos for the host of this region
// Not emitted: Region ap-northeast-1: rule edr.live-terminal-<region> (live-terminal-<region>.prod.hydra.sophos.com) not emitted; covered by *.sophos.com
// Not emitted: Region ap-northeast-1: rule edr.mcs-push-server-<region> (*.mcs-push-server-<region>.prod.hydra.sophos.com) not emitted; covered by *.sophos.com
// Allowlisted hosts go DIRECT; everything else goes to PROXY proxy.invalid:3128 (a placeholder: download with ?proxy=host:port)
function FindProxyForURL(url, host) {
  host = host.toLowerCase();
  if (dnsDomainIs(host, ".sophos.com")
      || host == "sophos.com"
      || dnsDomainIs(host, ".sophosupd.com")
      || dnsDomainIs(host, ".sophosupd.net")
      || dnsDomainIs(host, ".sophosxl.net")
      || host == "sophosxl.net"
      || host == "amazonaws.com"
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
  return "PROXY proxy.invalid:3128";
}
