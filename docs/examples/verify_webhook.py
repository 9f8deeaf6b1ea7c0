"""Verify an Allowlist Portal webhook (Standard Webhooks, HMAC-SHA256). Python 3.9+, standard library only.

    verify(secret, headers, body) -> True when one of the signatures is right and the timestamp is fresh.

Run as a script to check a saved delivery: python3 verify_webhook.py SECRET ID TIMESTAMP SIGNATURE BODY_FILE
"""
import base64
import hashlib
import hmac
import sys
import time


def verify(secret: str, headers: dict, body: bytes, tolerance: int = 300, now: float = None) -> bool:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    msg_id, timestamp = headers["webhook-id"], headers["webhook-timestamp"]
    if abs((now or time.time()) - int(timestamp)) > tolerance:
        return False  # too old or from the future: a replay
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, sig.split(",", 1)[1])
               for sig in headers["webhook-signature"].split() if sig.startswith("v1,"))


if __name__ == "__main__":
    secret, msg_id, timestamp, signature, body_file = sys.argv[1:6]
    with open(body_file, "rb") as f:
        body = f.read()
    headers = {"webhook-id": msg_id, "webhook-timestamp": timestamp, "webhook-signature": signature}
    ok = verify(secret, headers, body, now=float(sys.argv[6]) if len(sys.argv) > 6 else None)
    print("valid" if ok else "INVALID")
    sys.exit(0 if ok else 1)
