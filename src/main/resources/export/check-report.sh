echo "$pass passed, $fail failed"
machine=$(hostname 2>/dev/null || uname -n)
machine=$(printf '%s' "$machine" | tr -cd 'A-Za-z0-9._-' | cut -c1-255)
proxy_json=null
if [ -n "$PROXY" ]; then proxy_json="\"$(printf '%s' "$PROXY" | tr -cd 'A-Za-z0-9._:-')\""; fi
report="{\"schema\":\"allowlist-check/1\",\"scriptVersion\":\"$SCRIPT_VERSION\",\"customerId\":@CUSTOMER_ID@,\"allowlistVersion\":@VERSION@,\"machine\":\"${machine:-unknown}\",\"proxy\":$proxy_json,\"results\":[$results]}"
if [ -n "${ALLOWLIST_REPORT_FILE:-}" ]; then
  printf '%s\n' "$report" > "$ALLOWLIST_REPORT_FILE" && echo "Report written to $ALLOWLIST_REPORT_FILE"
fi
if [ -n "${ALLOWLIST_REPORT_URL:-}" ]; then
  sent=$(printf '%s' "$report" | curl -s -o /dev/null --max-time 30 -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary @- "$ALLOWLIST_REPORT_URL")
  if [ "$sent" = 202 ]; then echo "Report sent to the portal"; else echo "The portal did not take the report (HTTP $sent)"; fi
fi
[ "$fail" -eq 0 ]
