#!/bin/sh
# Allowlist Portal export: check script (POSIX shell)
# Customer: =HYPERLINK("http://evil") # injected  */   </script> (#13)
# Allowlist version: v7 (content SHA-256 061ce6382da641d1356c37e1651c9fc35c4076969c1b48069265bdce971ef1d8)
# Rule catalog: sophos-central-2026.11
# Generated at: 2026-11-27T12:00:00Z
# Entries: 32; ports: 80 (HTTP), 443 (HTTPS)
# Warning: The vendor page names no region-bound host for region ap-southeast-2; the rules that could not be emitted are listed.
# Warning: No narrower form of *.hydra.sophos.com exists for region ap-southeast-2; it is kept.
# Warning: *.hydra.sophos.com needs a proxy that supports wildcards; the proxy of this customer does not.
# Warning: *.cloudfront.net needs a proxy that supports wildcards; the proxy of this customer does not.
# Not emitted: Region ap-southeast-2: rule edr.message-upload-<region> (tf-edr-message-upload-<region>-prod-bucket.s3.amazonaws.com) not emitted; no entry of this allowlist covers it: ask Sophos for the host of this region
# Not emitted: Region ap-southeast-2: rule edr.live-terminal-<region> (live-terminal-<region>.prod.hydra.sophos.com) not emitted; only *.hydra.sophos.com would cover it, which this customer's proxy cannot take
# Not emitted: Region ap-southeast-2: rule edr.mcs-push-server-<region> (*.mcs-push-server-<region>.prod.hydra.sophos.com) not emitted; only *.hydra.sophos.com would cover it, which this customer's proxy cannot take
# Left out: *.hydra.sophos.com - a wildcard cannot be probed; the hosts it stands for are tested
# Left out: *.cloudfront.net - a wildcard cannot be probed; the hosts it stands for are tested
# For every host: DNS (host, else getent; left to the proxy when there is one), then each port:
# 443 a TCP connection and a TLS handshake, 80 a TCP connection (through the proxy: a GET
# the proxy does not refuse with 403, 407 or 5xx). Needs curl. Exit 0: all passed; 1: not.
# ALLOWLIST_PROXY=host:port overrides the proxy below; ALLOWLIST_PROXY= tests directly.
PROXY="${ALLOWLIST_PROXY-}"
pass=0
fail=0
via() {
  if [ -n "$PROXY" ]; then curl --proxy "http://$PROXY" "$@"; else curl "$@"; fi
}
resolves() {
  if command -v host >/dev/null 2>&1; then host "$1" >/dev/null 2>&1
  else getent hosts "$1" >/dev/null 2>&1; fi
}
port_ok() {
  if [ "$2" = 443 ]; then
    t=$(via -s -o /dev/null --connect-timeout 10 --max-time 20 -w '%{time_appconnect}' "https://$1/" 2>/dev/null)
    case "$t" in ''|0|0.0|0.000000|0,000000) return 1 ;; esac
  elif [ -n "$PROXY" ]; then
    code=$(via -s -o /dev/null --connect-timeout 10 --max-time 20 -w '%{http_code}' "http://$1:$2/" 2>/dev/null)
    case "$code" in ''|000|403|407|5??) return 1 ;; esac
  else
    t=$(curl -s -o /dev/null --connect-timeout 10 --max-time 20 -w '%{time_connect}' "http://$1:$2/" 2>/dev/null)
    case "$t" in ''|0|0.0|0.000000|0,000000) return 1 ;; esac
  fi
  return 0
}
check() {
  host_name=$1
  expect=$2
  shift 2
  if [ -z "$PROXY" ] && ! resolves "$host_name"; then
    echo "FAIL $host_name (no DNS answer)"; fail=$((fail + 1)); return
  fi
  failed=''
  for port in "$@"; do
    port_ok "$host_name" "$port" || failed="$failed $port"
  done
  if [ -n "$failed" ]; then
    echo "FAIL $host_name (no connection on port$failed)"; fail=$((fail + 1)); return
  fi
  if [ -n "$expect" ]; then
    body=$(via -s --max-time 20 "https://$host_name/" 2>/dev/null)
    case "$body" in
      *"$expect"*) ;;
      *) echo "FAIL $host_name (the answer does not contain $expect)"; fail=$((fail + 1)); return ;;
    esac
  fi
  echo "PASS $host_name (ports $*)"; pass=$((pass + 1))
}
check central.sophos.com '' 80 443
check cloud-assets.sophos.com '' 80 443
check sophos.com '' 80 443
check downloads.sophos.com '' 80 443
check mcs.sophos.com '' 80 443
check dci.sophosupd.com '' 80 443
check d1.sophosupd.com '' 80 443
check d2.sophosupd.com '' 80 443
check d3.sophosupd.com '' 80 443
check dci.sophosupd.net '' 80 443
check d1.sophosupd.net '' 80 443
check d2.sophosupd.net '' 80 443
check d3.sophosupd.net '' 80 443
check t1.sophosupd.com '' 80 443
check sdu-feedback.sophos.com '' 80 443
check sophosxl.net '' 80 443
check 4.sophosxl.net '' 80 443
check samples.sophosxl.net '' 80 443
check cloud.sophos.com '' 80 443
check id.sophos.com '' 80 443
check amazonaws.com '' 80 443
check az416426.vo.msecnd.net '' 80 443
check dc.services.visualstudio.com '' 80 443
check ocsp.globalsign.com '' 80 443
check ocsp2.globalsign.com '' 80 443
check crl.globalsign.com '' 80 443
check crl.globalsign.net '' 80 443
check ocsp.digicert.com '' 80 443
check crl3.digicert.com '' 80 443
check crl4.digicert.com '' 80 443
echo 'SKIP *.hydra.sophos.com (a wildcard: the hosts it stands for are tested)'
echo 'SKIP *.cloudfront.net (a wildcard: the hosts it stands for are tested)'
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
