// Allowlist Portal export: proxy auto-config (PAC)
// Customer: =HYPERLINK("http://evil") # injected  */   </script> (#13)
// Allowlist version: v7 (content SHA-256 061ce6382da641d1356c37e1651c9fc35c4076969c1b48069265bdce971ef1d8)
// Rule catalog: sophos-central-2026.11
// Generated at: 2026-11-27T12:00:00Z
// Entries: 32; ports: 80 (HTTP), 443 (HTTPS)
// Warning: The vendor page names no region-bound host for region ap-southeast-2; the rules that could not be emitted are listed.
// Warning: No narrower form of *.hydra.sophos.com exists for region ap-southeast-2; it is kept.
// Warning: *.hydra.sophos.com needs a proxy that supports wildcards; the proxy of this customer does not.
// Warning: *.cloudfront.net needs a proxy that supports wildcards; the proxy of this customer does not.
// Not emitted: Region ap-southeast-2: rule edr.message-upload-<region> (tf-edr-message-upload-<region>-prod-bucket.s3.amazonaws.com) not emitted; no entry of this allowlist covers it: ask Sophos for the host of this region
// Not emitted: Region ap-southeast-2: rule edr.live-terminal-<region> (live-terminal-<region>.prod.hydra.sophos.com) not emitted; only *.hydra.sophos.com would cover it, which this customer's proxy cannot take
// Not emitted: Region ap-southeast-2: rule edr.mcs-push-server-<region> (*.mcs-push-server-<region>.prod.hydra.sophos.com) not emitted; only *.hydra.sophos.com would cover it, which this customer's proxy cannot take
// Allowlisted hosts go DIRECT; everything else goes to PROXY proxy.invalid:3128 (a placeholder: download with ?proxy=host:port)
function FindProxyForURL(url, host) {
  host = host.toLowerCase();
  if (host == "central.sophos.com"
      || host == "cloud-assets.sophos.com"
      || host == "sophos.com"
      || host == "downloads.sophos.com"
      || host == "mcs.sophos.com"
      || host == "dci.sophosupd.com"
      || host == "d1.sophosupd.com"
      || host == "d2.sophosupd.com"
      || host == "d3.sophosupd.com"
      || host == "dci.sophosupd.net"
      || host == "d1.sophosupd.net"
      || host == "d2.sophosupd.net"
      || host == "d3.sophosupd.net"
      || host == "t1.sophosupd.com"
      || host == "sdu-feedback.sophos.com"
      || host == "sophosxl.net"
      || host == "4.sophosxl.net"
      || host == "samples.sophosxl.net"
      || host == "cloud.sophos.com"
      || host == "id.sophos.com"
      || host == "amazonaws.com"
      || dnsDomainIs(host, ".hydra.sophos.com")
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
