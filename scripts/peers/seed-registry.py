"""Push a tiny schema2 image (config blob + one empty gzip layer) to a registry v2 with Basic auth.

Usage: seed-registry.py <base-url> <user> <password> <repository> <tag> [<tag>...]
Uses only the registry HTTP API (monolithic blob upload + manifest PUT), no docker client.
"""
import base64
import gzip
import hashlib
import io
import json
import sys
import tarfile
import urllib.error
import urllib.request

base, user, password, repo, tags = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def call(method, url, data=None, headers=None):
    h = {"Authorization": auth}
    h.update(headers or {})
    req = urllib.request.Request(url if url.startswith("http") else base + url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def digest(b):
    return "sha256:" + hashlib.sha256(b).hexdigest()


def push_blob(b):
    d = digest(b)
    st, _, _ = call("HEAD", f"/v2/{repo}/blobs/{d}")
    if st == 200:
        return d
    st, h, body = call("POST", f"/v2/{repo}/blobs/uploads/")
    if st != 202:
        raise SystemExit(f"blob upload start failed: {st} {body[:200]!r}")
    loc = h["Location"]
    loc = loc if loc.startswith("http") else base + loc
    sep = "&" if "?" in loc else "?"
    st, _, body = call("PUT", f"{loc}{sep}digest={d}", b, {"Content-Type": "application/octet-stream"})
    if st != 201:
        raise SystemExit(f"blob upload failed: {st} {body[:200]!r}")
    return d


# a deterministic empty layer: gzip(mtime=0) of an empty tar
raw = io.BytesIO()
with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT):
    pass
layer_tar = raw.getvalue()
gz = io.BytesIO()
with gzip.GzipFile(fileobj=gz, mode="wb", mtime=0) as g:
    g.write(layer_tar)
layer = gz.getvalue()

for tag in tags:
    config = json.dumps(
        {
            "architecture": "amd64",
            "os": "linux",
            "config": {"Labels": {"org.opencontainers.image.version": tag, "portkey-setup.test-image": "true"}},
            "rootfs": {"type": "layers", "diff_ids": [digest(layer_tar)]},
            "history": [{"created_by": "portkey-setup scripts/peers seed"}],
        },
        separators=(",", ":"),
    ).encode()
    manifest = json.dumps(
        {
            "schemaVersion": 2,
            "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {
                "mediaType": "application/vnd.docker.container.image.v1+json",
                "size": len(config),
                "digest": push_blob(config),
            },
            "layers": [
                {
                    "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                    "size": len(layer),
                    "digest": push_blob(layer),
                }
            ],
        },
        indent=3,
    ).encode()
    st, h, body = call(
        "PUT",
        f"/v2/{repo}/manifests/{tag}",
        manifest,
        {"Content-Type": "application/vnd.docker.distribution.manifest.v2+json"},
    )
    if st != 201:
        raise SystemExit(f"manifest put failed for {tag}: {st} {body[:300]!r}")
    print(f"pushed {repo}:{tag} {h.get('Docker-Content-Digest')}")
