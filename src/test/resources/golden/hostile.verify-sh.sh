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
# ALLOWLIST_REPORT_URL=<the portal's report URL> posts the results as JSON to the portal;
# ALLOWLIST_REPORT_FILE=<file> writes them to a file, to upload on the customer page.
PROXY="${ALLOWLIST_PROXY-}"
SCRIPT_VERSION=2
pass=0
fail=0
results=''
via() {
  if [ -n "$PROXY" ]; then curl --proxy "http://$PROXY" "$@"; else curl "$@"; fi
}
resolves() {
  if command -v host >/dev/null 2>&1; then host "$1" >/dev/null 2>&1
  else getent hosts "$1" >/dev/null 2>&1; fi
}
millis() {
  awk -v t="$1" 'BEGIN { sub(",", ".", t); printf "%d", t * 1000 }'
}
# probe HOST PORT: sets probe_ok (true or false), probe_ms and probe_error
probe() {
  probe_ok=false
  probe_ms=null
  probe_error=''
  if [ "$2" = 443 ]; then
    t=$(via -s -o /dev/null --connect-timeout 10 --max-time 20 -w '%{time_appconnect}' "https://$1/" 2>/dev/null)
    code=$?
    case "$t" in ''|0|0.0|0.000000|0,000000) probe_error="no TLS handshake (curl exit $code)"; return ;; esac
  elif [ -n "$PROXY" ]; then
    r=$(via -s -o /dev/null --connect-timeout 10 --max-time 20 -w '%{http_code} %{time_total}' "http://$1:$2/" 2>/dev/null)
    status=${r%% *}
    t=${r#* }
    case "$status" in ''|000|403|407|5??) probe_error="refused by the proxy (HTTP ${status:-000})"; return ;; esac
  else
    t=$(curl -s -o /dev/null --connect-timeout 10 --max-time 20 -w '%{time_connect}' "http://$1:$2/" 2>/dev/null)
    code=$?
    case "$t" in ''|0|0.0|0.000000|0,000000) probe_error="no TCP connection (curl exit $code)"; return ;; esac
  fi
  probe_ok=true
  probe_ms=$(millis "$t")
}
# check HOST EXPECTED-ANSWER PORT...: one line PASS or FAIL, and the host's part of the report
check() {
  host_name=$1
  expect=$2
  shift 2
  dns=null
  if [ -z "$PROXY" ]; then
    if resolves "$host_name"; then dns=true; else dns=false; fi
  fi
  ports=''
  failed=''
  if [ "$dns" != false ]; then
    for port in "$@"; do
      probe "$host_name" "$port"
      [ -n "$ports" ] && ports="$ports,"
      if [ "$probe_ok" = true ]; then
        ports="$ports{\"port\":$port,\"ok\":true,\"ms\":$probe_ms,\"error\":null}"
      else
        ports="$ports{\"port\":$port,\"ok\":false,\"ms\":null,\"error\":\"$probe_error\"}"
        failed="$failed $port"
      fi
    done
  fi
  answer=null
  if [ -n "$expect" ] && [ "$dns" != false ] && [ -z "$failed" ]; then
    body=$(via -s --max-time 20 "https://$host_name/" 2>/dev/null)
    case "$body" in *"$expect"*) answer=true ;; *) answer=false ;; esac
  fi
  [ -n "$results" ] && results="$results,"
  results="$results{\"host\":\"$host_name\",\"dns\":$dns,\"ports\":[$ports],\"answer\":$answer}"
  if [ "$dns" = false ]; then
    echo "FAIL $host_name (no DNS answer)"; fail=$((fail + 1))
  elif [ -n "$failed" ]; then
    echo "FAIL $host_name (no connection on port$failed)"; fail=$((fail + 1))
  elif [ "$answer" = false ]; then
    echo "FAIL $host_name (the answer does not contain $expect)"; fail=$((fail + 1))
  else
    echo "PASS $host_name (ports $*)"; pass=$((pass + 1))
  fi
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
machine=$(hostname 2>/dev/null || uname -n)
machine=$(printf '%s' "$machine" | tr -cd 'A-Za-z0-9._-' | cut -c1-255)
proxy_json=null
if [ -n "$PROXY" ]; then proxy_json="\"$(printf '%s' "$PROXY" | tr -cd 'A-Za-z0-9._:-')\""; fi
report="{\"schema\":\"allowlist-check/1\",\"scriptVersion\":\"$SCRIPT_VERSION\",\"customerId\":13,\"allowlistVersion\":7,\"machine\":\"${machine:-unknown}\",\"proxy\":$proxy_json,\"results\":[$results]}"
if [ -n "${ALLOWLIST_REPORT_FILE:-}" ]; then
  printf '%s\n' "$report" > "$ALLOWLIST_REPORT_FILE" && echo "Report written to $ALLOWLIST_REPORT_FILE"
fi
if [ -n "${ALLOWLIST_REPORT_URL:-}" ]; then
  sent=$(printf '%s' "$report" | curl -s -o /dev/null --max-time 30 -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary @- "$ALLOWLIST_REPORT_URL")
  if [ "$sent" = 202 ]; then echo "Report sent to the portal"; else echo "The portal did not take the report (HTTP $sent)"; fi
fi
[ "$fail" -eq 0 ]
