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
