#!/bin/sh
# Allowlist Portal export: verification script (POSIX shell)
# Customer: Sakura Trading K.K. (#11)
# Allowlist version: v3 (content SHA-256 61136dd31f541894b7aa0a61ba7ad082d724deba29af507c0df748809a9bd972)
# Rule catalog: sophos-central-2026.11
# Generated at: 2026-11-27T12:00:00Z
# Entries: 18, ports 80 and 443 unless stated
# Left out: *.sophos.com - a wildcard cannot be probed; test the hosts it stands for
# Left out: *.sophosupd.com - a wildcard cannot be probed; test the hosts it stands for
# Left out: *.sophosupd.net - a wildcard cannot be probed; test the hosts it stands for
# Left out: *.sophosxl.net - a wildcard cannot be probed; test the hosts it stands for
# Left out: *.s3.eu-west-1.amazonaws.com - a wildcard cannot be probed; test the hosts it stands for
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
check sophos.com ''
check sophosxl.net ''
check amazonaws.com ''
check az416426.vo.msecnd.net ''
check dc.services.visualstudio.com ''
check ocsp.globalsign.com ''
check ocsp2.globalsign.com ''
check crl.globalsign.com ''
check crl.globalsign.net ''
check ocsp.digicert.com ''
check crl3.digicert.com ''
check crl4.digicert.com ''
echo 'SKIP *.sophos.com (wildcard: not testable)'
echo 'SKIP *.sophosupd.com (wildcard: not testable)'
echo 'SKIP *.sophosupd.net (wildcard: not testable)'
echo 'SKIP *.sophosxl.net (wildcard: not testable)'
echo 'SKIP *.s3.eu-west-1.amazonaws.com (wildcard: not testable)'
echo 'SKIP *.cloudfront.net (wildcard: not testable)'
echo "Summary: $pass passed, $fail failed, 6 not testable"
[ "$fail" -eq 0 ]
