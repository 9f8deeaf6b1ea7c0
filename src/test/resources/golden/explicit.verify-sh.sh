#!/bin/sh
# Allowlist Portal export: verification script (POSIX shell)
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
# Needs curl, and getent or host. Exit status 0: all passed; 1: something failed.
pass=0
fail=0
resolve() {
  if command -v getent >/dev/null 2>&1; then getent hosts "$1" >/dev/null 2>&1
  else host "$1" >/dev/null 2>&1; fi
}
check() {
  if ! resolve "$1"; then
    echo "FAIL $1 (no DNS answer)"; fail=$((fail + 1)); return
  fi
  body=$(curl -sS --max-time 15 "https://$1/" 2>/dev/null)
  status=$?
  if [ "$status" -ne 0 ]; then
    echo "FAIL $1 (no HTTPS connection, curl exit $status)"; fail=$((fail + 1)); return
  fi
  if [ -n "$2" ]; then
    case "$body" in
      *"$2"*) ;;
      *) echo "FAIL $1 (answer does not contain $2)"; fail=$((fail + 1)); return ;;
    esac
  fi
  echo "PASS $1"; pass=$((pass + 1))
}
check central.sophos.com ''
check cloud-assets.sophos.com ''
check sophos.com ''
check downloads.sophos.com ''
check dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com ''
check dci.sophosupd.com ''
check d1.sophosupd.com ''
check d2.sophosupd.com ''
check d3.sophosupd.com ''
check dci.sophosupd.net ''
check d1.sophosupd.net ''
check d2.sophosupd.net ''
check d3.sophosupd.net ''
check t1.sophosupd.com ''
check sdu-feedback.sophos.com ''
check sophosxl.net ''
check 4.sophosxl.net ''
check samples.sophosxl.net ''
check cloud.sophos.com ''
check id.sophos.com ''
check amazonaws.com ''
check tf-edr-message-upload-eu-west-1-prod-bucket.s3.amazonaws.com ''
check live-terminal-eu-west-1.prod.hydra.sophos.com ''
check prod.endpointintel.darkbytes.io 'running...'
check az416426.vo.msecnd.net ''
check dc.services.visualstudio.com ''
check ocsp.globalsign.com ''
check ocsp2.globalsign.com ''
check crl.globalsign.com ''
check crl.globalsign.net ''
check ocsp.digicert.com ''
check crl3.digicert.com ''
check crl4.digicert.com ''
echo 'SKIP *.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com (wildcard: not testable)'
echo 'SKIP tf-presigned-url-eu-west-1-prod-*-bucket.s3.eu-west-1.amazonaws.com (wildcard: not testable)'
echo 'SKIP *.mcs-push-server-eu-west-1.prod.hydra.sophos.com (wildcard: not testable)'
echo 'SKIP *.cloudfront.net (wildcard: not testable)'
echo "Summary: $pass passed, $fail failed, 4 not testable"
[ "$fail" -eq 0 ]
