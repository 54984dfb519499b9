"""Seed a freshly started moto server (IAM auth enforced) and verify that auth is real.

Run with the moto venv's python:  seed-moto.py <endpoint> <region> <out.json>

How moto's auth bootstrap works (moto 5.x, server mode): with INITIAL_NO_AUTH_ACTION_COUNT=0
every request must carry a SigV4 signature made with an access key that exists in moto's IAM,
and the action must be allowed by that identity's IAM policies. POST /moto-api/reset-auth with
a number N resets the request counter and lets the next N requests through unauthenticated.
We use N=3 to create an admin user, its inline policy and its access key; everything after is
signed with that admin key, and auth stays enforced for all later requests.
"""
import json
import sys
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT, REGION, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
ACCOUNT = "123456789012"  # moto's default account id
EXTERNAL_ID = "portkey-external-id-8f3a"
LOGS_BUCKET = "portkey-logs"
FINETUNES_BUCKET = "portkey-finetunes"
CFG = Config(retries={"max_attempts": 1}, s3={"addressing_style": "path"})


def client(service, key=None, secret=None, token=None):
    return boto3.client(
        service,
        endpoint_url=ENDPOINT,
        region_name=REGION,
        aws_access_key_id=key or "bootstrap",
        aws_secret_access_key=secret or "bootstrap",
        aws_session_token=token,
        config=CFG,
    )


def allow(actions, resources):
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": actions, "Resource": resources}],
        }
    )


def trust(principal_arn):
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": principal_arn},
                    "Action": "sts:AssumeRole",
                    "Condition": {"StringEquals": {"sts:ExternalId": EXTERNAL_ID}},
                }
            ],
        }
    )


def expect_error(fn, codes, what):
    try:
        fn()
    except ClientError as e:
        code = e.response["Error"]["Code"]
        if code not in codes:
            raise SystemExit(f"verify: {what}: expected {codes}, got {code}") from e
        return code
    raise SystemExit(f"verify: {what}: expected {codes}, but it succeeded")


# 1. bootstrap an admin identity with 3 unauthenticated requests
req = urllib.request.Request(
    f"{ENDPOINT}/moto-api/reset-auth", data=b"3", method="POST", headers={"Content-Type": "text/plain"}
)
urllib.request.urlopen(req, timeout=10).read()
iam0 = client("iam")
iam0.create_user(UserName="portkey-admin")
iam0.put_user_policy(UserName="portkey-admin", PolicyName="admin", PolicyDocument=allow("*", "*"))
k = iam0.create_access_key(UserName="portkey-admin")["AccessKey"]
admin = {"accessKeyId": k["AccessKeyId"], "secretAccessKey": k["SecretAccessKey"]}

# 2. everything else is signed with the admin key (auth is enforced from here on)
iam = client("iam", admin["accessKeyId"], admin["secretAccessKey"])
s3 = client("s3", admin["accessKeyId"], admin["secretAccessKey"])
for b in (LOGS_BUCKET, FINETUNES_BUCKET):
    s3.create_bucket(Bucket=b)


def user(name, actions, resources):
    arn = iam.create_user(UserName=name)["User"]["Arn"]
    iam.put_user_policy(UserName=name, PolicyName=f"{name}-policy", PolicyDocument=allow(actions, resources))
    key = iam.create_access_key(UserName=name)["AccessKey"]
    return {"userName": name, "arn": arn, "accessKeyId": key["AccessKeyId"], "secretAccessKey": key["SecretAccessKey"]}


def role(name, principal_arn, actions, resources):
    arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust(principal_arn))["Role"]["Arn"]
    iam.put_role_policy(RoleName=name, PolicyName=f"{name}-policy", PolicyDocument=allow(actions, resources))
    return {"roleName": name, "arn": arn, "externalId": EXTERNAL_ID}


objects = [f"arn:aws:s3:::{LOGS_BUCKET}/*", f"arn:aws:s3:::{FINETUNES_BUCKET}/*"]
writer = user("portkey-writer", ["s3:GetObject", "s3:PutObject"], objects)
reader = user("portkey-readonly", ["s3:GetObject"], objects)
roles_arn_prefix = f"arn:aws:iam::{ACCOUNT}:role/"
assumer = user("portkey-assumer", ["sts:AssumeRole"], [roles_arn_prefix + "portkey-*"])
logs_role = role("portkey-logs-role", assumer["arn"], ["s3:GetObject", "s3:PutObject"], objects)
bedrock_role = role(
    "portkey-bedrock-role", assumer["arn"], ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"], ["*"]
)
# a role whose trust policy names a different principal: assuming it is denied
other_role = role("portkey-untrusted-role", writer["arn"], ["s3:GetObject", "s3:PutObject"], objects)

# 3. verify that auth is real
checks = {}
ws3 = client("s3", writer["accessKeyId"], writer["secretAccessKey"])
ws3.put_object(Bucket=LOGS_BUCKET, Key="probe/seed.txt", Body=b"seed")
assert ws3.get_object(Bucket=LOGS_BUCKET, Key="probe/seed.txt")["Body"].read() == b"seed"
checks["writerPutGet"] = "ok"
checks["wrongSecret"] = expect_error(
    lambda: client("s3", writer["accessKeyId"], "x" * 40).put_object(Bucket=LOGS_BUCKET, Key="p", Body=b"x"),
    {"SignatureDoesNotMatch"},
    "wrong secret key",
)
checks["unknownKey"] = expect_error(
    lambda: client("s3", "AKIAUNKNOWNKEY000000", "x" * 40).put_object(Bucket=LOGS_BUCKET, Key="p", Body=b"x"),
    {"InvalidAccessKeyId"},
    "unknown access key",
)
rs3 = client("s3", reader["accessKeyId"], reader["secretAccessKey"])
checks["readonlyPut"] = expect_error(
    lambda: rs3.put_object(Bucket=LOGS_BUCKET, Key="probe/ro.txt", Body=b"x"), {"AccessDenied"}, "readonly put"
)
sts = client("sts", assumer["accessKeyId"], assumer["secretAccessKey"])
tmp = sts.assume_role(RoleArn=logs_role["arn"], RoleSessionName="seed", ExternalId=EXTERNAL_ID)["Credentials"]
ts3 = client("s3", tmp["AccessKeyId"], tmp["SecretAccessKey"], tmp["SessionToken"])
ts3.put_object(Bucket=LOGS_BUCKET, Key="probe/assumed.txt", Body=b"assumed")
assert ts3.get_object(Bucket=LOGS_BUCKET, Key="probe/assumed.txt")["Body"].read() == b"assumed"
checks["assumeRolePutGet"] = "ok"
checks["wrongExternalId"] = expect_error(
    lambda: sts.assume_role(RoleArn=logs_role["arn"], RoleSessionName="seed", ExternalId="wrong"),
    {"AccessDenied"},
    "assume role with wrong external id",
)
checks["untrustedRole"] = expect_error(
    lambda: sts.assume_role(RoleArn=other_role["arn"], RoleSessionName="seed", ExternalId=EXTERNAL_ID),
    {"AccessDenied"},
    "assume untrusted role",
)
checks["writerAssume"] = expect_error(
    lambda: client("sts", writer["accessKeyId"], writer["secretAccessKey"]).assume_role(
        RoleArn=logs_role["arn"], RoleSessionName="seed", ExternalId=EXTERNAL_ID
    ),
    {"AccessDenied"},
    "assume role by user without sts:AssumeRole",
)
# moto gap (documented): an AssumeRole WITHOUT ExternalId passes moto's trust check, AWS denies it
try:
    sts.assume_role(RoleArn=logs_role["arn"], RoleSessionName="seed")
    checks["missingExternalId"] = "ALLOWED (moto gap: AWS would deny)"
except ClientError as e:
    checks["missingExternalId"] = e.response["Error"]["Code"]

seed = {
    "endpoint": ENDPOINT,
    "region": REGION,
    "accountId": ACCOUNT,
    "buckets": {"logs": LOGS_BUCKET, "finetunes": FINETUNES_BUCKET},
    "externalId": EXTERNAL_ID,
    "admin": admin,
    "users": {"writer": writer, "readonly": reader, "assumer": assumer},
    "roles": {"logs": logs_role, "bedrock": bedrock_role, "untrusted": other_role},
    "verified": checks,
}
with open(OUT + ".tmp", "w", encoding="utf-8") as f:
    json.dump(seed, f, indent=2)
import os  # noqa: E402

os.replace(OUT + ".tmp", OUT)
print(json.dumps(checks))
