"""Print ports.json as shell assignments: PK_<section>_<key>=<value> (lists space-joined)."""
import json
import shlex
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    cfg = json.load(f)
for section, body in cfg.items():
    if section.startswith("$"):
        continue
    if not isinstance(body, dict):
        print(f"PK_{section}={shlex.quote(str(body))}")
        continue
    for key, value in body.items():
        if isinstance(value, list):
            value = " ".join(str(v) for v in value)
        print(f"PK_{section}_{key}={shlex.quote(str(value))}")
