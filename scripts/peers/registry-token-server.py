"""A minimal Docker Registry v2 token server (the "Bearer realm" of the token auth spec).

GET /token?service=<svc>&scope=repository:<name>:<actions>[&scope=...] with HTTP Basic auth.
Issues an RS256 JWT carrying an x5c header (signing cert chained to the registry's
rootcertbundle) and an `access` claim, as distribution's token authenticator expects.
  - valid full user  -> the requested pull/push actions on any repository
  - valid "nopull" user -> a token with an empty access list (registry then answers 401 insufficient_scope)
  - bad or missing credentials -> 401 with a Basic challenge
Run with a python that has `cryptography` (the moto venv does).
Usage: registry-token-server.py <host> <port> <service> <issuer> <cert.pem> <key.pem> <users.json>
users.json: {"<user>": {"password": "...", "grant": true|false}}
"""
import base64
import hmac
import json
import os
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

host, port, service, issuer, cert_path, key_path, users_path = sys.argv[1:8]
with open(cert_path, "rb") as f:
    cert = x509.load_pem_x509_certificate(f.read())
with open(key_path, "rb") as f:
    key = serialization.load_pem_private_key(f.read(), password=None)
with open(users_path, encoding="utf-8") as f:
    users = json.load(f)
x5c = [base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()]


def b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def make_token(subject, access):
    now = int(time.time())
    header = {"typ": "JWT", "alg": "RS256", "x5c": x5c}
    claims = {
        "iss": issuer,
        "sub": subject,
        "aud": service,
        "exp": now + 300,
        "nbf": now - 10,
        "iat": now,
        "jti": b64url(os.urandom(12)),
        "access": access,
    }
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
    sig = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return signing_input + "." + b64url(sig)


class Handler(BaseHTTPRequestHandler):
    def _send(self, code, body, extra=None):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        u = urllib.parse.urlsplit(self.path)
        if u.path == "/health":
            return self._send(200, {"status": "ok"})
        if u.path != "/token":
            return self._send(404, {"errors": [{"code": "NOT_FOUND"}]})
        q = urllib.parse.parse_qs(u.query)
        if q.get("service", [service])[0] != service:
            return self._send(400, {"errors": [{"code": "UNSUPPORTED", "message": "unknown service"}]})
        auth = self.headers.get("Authorization", "")
        user = None
        if auth.startswith("Basic "):
            try:
                name, _, pw = base64.b64decode(auth[6:]).decode().partition(":")
            except Exception:  # noqa: BLE001
                name, pw = "", ""
            entry = users.get(name)
            if entry and hmac.compare_digest(entry["password"].encode(), pw.encode()):
                user = (name, entry)
        if user is None:
            return self._send(
                401,
                {"errors": [{"code": "UNAUTHORIZED", "message": "authentication required"}]},
                {"WWW-Authenticate": 'Basic realm="portkey-registry-token"'},
            )
        access = []
        if user[1].get("grant"):
            for scope in q.get("scope", []):
                parts = scope.split(":")
                if len(parts) >= 3 and parts[0] == "repository":
                    access.append(
                        {"type": "repository", "name": ":".join(parts[1:-1]), "actions": parts[-1].split(",")}
                    )
        token = make_token(user[0], access)
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        self._send(200, {"token": token, "access_token": token, "expires_in": 300, "issued_at": now})

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))


if not host.startswith("127."):
    raise SystemExit("loopback only")
ThreadingHTTPServer((host, int(port)), Handler).serve_forever()
