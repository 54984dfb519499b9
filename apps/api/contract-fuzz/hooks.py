"""Schemathesis hooks for the portkey-setup API (loaded through SCHEMATHESIS_HOOKS).

The built-in positive_data_acceptance check wants every schema-valid request accepted. Two
refusals are part of the contract and cannot be written in JSON Schema, so this check allows
exactly those and nothing else:
  - 422 for a deployment config whose every field is valid but which breaks a rule spanning
    fields (TLS only with aws-elastic-cache, options the chosen chart lacks...). The oracle, a
    server the runner starts, answers whether the field-level schema accepts the config;
  - 400 INVALID_VALUES_YAML from /api/import and /api/upgrade for text that is not a YAML mapping
    (or, for /api/upgrade, bytes that are not a readable zip);
  - 422 VERSION_UNKNOWN from /api/upgrade for an input that does not say its chart version.
"""

import json
import os
import urllib.request

import schemathesis

ORACLE = os.environ["PORTKEY_FUZZ_ORACLE"]
CONFIG_ROUTES = {"/api/validate", "/api/render", "/api/bundle", "/api/checks"}


def _fields_valid(config):
    request = urllib.request.Request(
        ORACLE, data=json.dumps(config).encode(), headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)["fieldsValid"]


@schemathesis.check
def positive_data_accepted_but_cross_field_rules(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return None
    if case.method.upper() != case.operation.method.upper():
        return None
    status = response.status_code
    # 5xx is not_a_server_error's to report; 401 and 429 are about the caller, not the data.
    if 200 <= status < 300 or status in (401, 429) or status >= 500:
        return None
    path = case.operation.path
    try:
        body = json.loads(response.content or b"{}")
    except ValueError:
        body = {}
    code = (body.get("error") or {}).get("code")
    if status == 400 and path in ("/api/import", "/api/upgrade") and code == "INVALID_VALUES_YAML":
        return None
    if status == 422 and path == "/api/upgrade" and code == "VERSION_UNKNOWN":
        return None
    if status == 422 and path in CONFIG_ROUTES and isinstance(case.body, dict):
        config = case.body.get("config") if path == "/api/checks" else case.body
        if _fields_valid(config):
            return None
    issues = "; ".join(
        f"{'.'.join(map(str, i.get('path', [])))}: {i.get('message')}" for i in body.get("issues") or []
    )
    raise AssertionError(
        f"The document allows this request but the API refused it with {status} {code}. {issues}".strip()
    )
