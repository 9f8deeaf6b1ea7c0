// Allowlist Portal export: proxy auto-config (PAC)
// Customer: 株式会社さくら物産 / Ünïcödé GmbH (#12)
// Allowlist version: v1 (content SHA-256 94af76029f3e844d11bd2e3444a400a8b1dc417ee3ebcef20e870e04d5d7e915)
// Rule catalog: sophos-central-2026.11
// Generated at: 2026-11-27T12:00:00Z
// Entries: 37; ports: 80 (HTTP), 443 (HTTPS)
// Warning: *.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com needs a proxy that supports wildcards; the proxy of this customer does not.
// Warning: tf-presigned-url-eu-west-1-prod-*-bucket.s3.eu-west-1.amazonaws.com needs a proxy that supports wildcards; the proxy of this customer does not.
// Warning: *.mcs-push-server-eu-west-1.prod.hydra.sophos.com needs a proxy that supports wildcards; the proxy of this customer does not.
// Warning: *.cloudfront.net needs a proxy that supports wildcards; the proxy of this customer does not.
// Allowlisted hosts go DIRECT; everything else goes to PROXY proxy.invalid:3128 (a placeholder: download with ?proxy=host:port)
function FindProxyForURL(url, host) {
  host = host.toLowerCase();
  if (host == "central.sophos.com"
      || host == "cloud-assets.sophos.com"
      || host == "sophos.com"
      || host == "downloads.sophos.com"
      || host == "dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com"
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
      || dnsDomainIs(host, ".mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com")
      || shExpMatch(host, "tf-presigned-url-eu-west-1-prod-*-bucket.s3.eu-west-1.amazonaws.com")
      || host == "tf-edr-message-upload-eu-west-1-prod-bucket.s3.amazonaws.com"
      || host == "live-terminal-eu-west-1.prod.hydra.sophos.com"
      || dnsDomainIs(host, ".mcs-push-server-eu-west-1.prod.hydra.sophos.com")
      || host == "prod.endpointintel.darkbytes.io"
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
