"""Create a blob container in Azurite with a Shared Key signed request (stdlib only).

Usage: seed-azurite.py <blob-endpoint-incl-account> <account> <base64-key> <container> [<cafile>]
e.g.   seed-azurite.py http://127.0.0.1:17100/devstoreaccount1 devstoreaccount1 KEY portkey-logs
Exit 0 if the container was created or already exists.
"""
import base64
import hashlib
import hmac
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request
from email.utils import formatdate

endpoint, account, key, container = sys.argv[1:5]
cafile = sys.argv[5] if len(sys.argv) > 5 else None
url = f"{endpoint.rstrip('/')}/{container}?restype=container"
parsed = urllib.parse.urlsplit(url)
version = "2021-08-06"
date = formatdate(usegmt=True)
content_type = "application/octet-stream"  # urllib would add a form content type otherwise
headers = {"x-ms-date": date, "x-ms-version": version, "Content-Length": "0", "Content-Type": content_type}
canon_headers = "".join(
    f"{k}:{v}\n" for k, v in sorted((k.lower(), v) for k, v in headers.items() if k.lower().startswith("x-ms-"))
)
query = urllib.parse.parse_qs(parsed.query)
# path-style (emulator) URLs: the account appears twice, /account/account/container
canon_resource = f"/{account}{parsed.path}" + "".join(
    f"\n{k.lower()}:{','.join(sorted(v))}" for k, v in sorted(query.items())
)
# Shared Key string-to-sign: VERB, Content-Encoding, Content-Language, Content-Length (empty when 0), Content-MD5,
# Content-Type, Date, If-Modified-Since, If-Match, If-None-Match, If-Unmodified-Since, Range, then headers + resource
fields = ["PUT", "", "", "", "", content_type, "", "", "", "", "", ""]
string_to_sign = "\n".join(fields) + "\n" + canon_headers + canon_resource
sig = base64.b64encode(hmac.new(base64.b64decode(key), string_to_sign.encode(), hashlib.sha256).digest()).decode()
headers["Authorization"] = f"SharedKey {account}:{sig}"
ctx = ssl.create_default_context(cafile=cafile) if cafile else None
req = urllib.request.Request(url, data=b"", method="PUT", headers=headers)
try:
    with urllib.request.urlopen(req, timeout=20, context=ctx) as r:
        print(f"created container {container} ({r.status})")
except urllib.error.HTTPError as e:
    body = e.read()
    if e.code == 409 and b"ContainerAlreadyExists" in body:
        print(f"container {container} exists")
    else:
        raise SystemExit(f"create container failed: {e.code} {body[:300]!r}")
