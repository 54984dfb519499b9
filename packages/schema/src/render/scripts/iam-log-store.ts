import type { DeploymentConfig, S3AssumeAuth } from '../../config/index.js'
import { IAM_FILES, IAM_POLICY_NAMES, imdsPolicyName } from '../iam-files.js'
import { accountIdOf, oidcProviderId, partitionOf, placeholder, roleNameOf } from '../iam-policies.js'
import type { BundleFile } from '../types.js'
import { NEED_AWS, SECTION_CHANGES, SECTION_CHECKS, script } from './common.js'

/** A bundle file as a script in scripts/ reaches it. */
export const fromScripts = (bundlePath: string) => `../${bundlePath}`

/** The IAM path of a role ARN (arn:...:role/team/Name -> /team/), "/" when there is none. */
export const rolePathOf = (arn: string) => {
  const afterRole = arn.slice(arn.indexOf(':role/') + ':role'.length)
  return afterRole.slice(0, afterRole.lastIndexOf('/') + 1)
}

/** Name, account and ARN (and, for roles the script creates, path) of a role, as readonly variables. */
export const roleVars = (prefix: string, arn: string, creates = false): [string, string][] => [
  [`${prefix}_NAME`, roleNameOf(arn)],
  ...(creates ? ([[`${prefix}_PATH`, rolePathOf(arn)]] as [string, string][]) : []),
  [`${prefix}_ACCOUNT`, accountIdOf(arn)],
  [`${prefix}_ARN`, arn],
]

/** Refuses to work in another account than the one the role lives in. */
export const sameAccountCheck = (prefix: string) => [
  'account="$(aws_account)"',
  `[ "$account" = "$${prefix}_ACCOUNT" ] ||`,
  `  fail "the aws CLI works in account $account, but $${prefix}_ARN is in account $${prefix}_ACCOUNT: switch credentials (e.g. AWS_PROFILE=...) and run again."`,
]

const putRolePolicy = (role: string) => [
  `echo "Putting inline policy $POLICY_NAME on role $${role}."`,
  `aws iam put-role-policy --role-name "$${role}" --policy-name "$POLICY_NAME" --policy-document "file://$POLICY_FILE"`,
]

/** s3 with access keys: the policy belongs to the IAM user that owns the keys. */
const s3UserScript = (): BundleFile =>
  script({
    name: 'iam-s3-user.sh',
    summary:
      "Grants the IAM user that owns the gateway's access key read/write access to the log bucket.\nUsage: ./iam-s3-user.sh <iam-user-name>",
    vars: [
      ['POLICY_FILE', fromScripts(IAM_FILES.s3Access)],
      ['POLICY_NAME', IAM_POLICY_NAMES.s3Access],
    ],
    helpers: ['need', 'noPlaceholderIn', 'awsAccount'],
    body: [
      SECTION_CHECKS,
      '[ $# -eq 1 ] || fail "usage: ./iam-s3-user.sh <iam-user-name> (the IAM user that owns the access key)"',
      'readonly USER_NAME="$1"',
      '[[ "$USER_NAME" =~ ^[A-Za-z0-9+=,.@_-]{1,64}$ ]] || fail "$USER_NAME is not an IAM user name."',
      NEED_AWS,
      'no_placeholder_in "$POLICY_FILE"',
      'account="$(aws_account)"',
      'aws iam get-user --user-name "$USER_NAME" >/dev/null 2>&1 ||',
      '  fail "IAM user $USER_NAME does not exist in account $account."',
      '',
      SECTION_CHANGES,
      'echo "Putting inline policy $POLICY_NAME on user $USER_NAME."',
      'aws iam put-user-policy --user-name "$USER_NAME" --policy-name "$POLICY_NAME" --policy-document "file://$POLICY_FILE"',
    ],
  })

/** Method 1: a role in the user's account that Portkey's principal assumes with the ExternalId. */
const s3RoleScript = (roleArn: string): BundleFile =>
  script({
    name: 'iam-s3-role.sh',
    summary:
      'Creates the role Portkey assumes to write logs (trust: the Portkey principal with your ExternalId) and grants it the log bucket.',
    vars: [
      ...roleVars('ROLE', roleArn, true),
      ['TRUST_FILE', fromScripts(IAM_FILES.crossAccountTrust)],
      ['POLICY_FILE', fromScripts(IAM_FILES.s3Access)],
      ['POLICY_NAME', IAM_POLICY_NAMES.s3Access],
    ],
    helpers: ['need', 'noPlaceholderIn', 'awsAccount', 'ensureRole'],
    body: [
      SECTION_CHECKS,
      NEED_AWS,
      'no_placeholder_in "$TRUST_FILE"',
      'no_placeholder_in "$POLICY_FILE"',
      ...sameAccountCheck('ROLE'),
      '',
      SECTION_CHANGES,
      'ensure_role "$ROLE_NAME" "$TRUST_FILE" "$ROLE_PATH"',
      ...putRolePolicy('ROLE_NAME'),
      'echo "Done: $ROLE_ARN can now be assumed by Portkey with your ExternalId."',
    ],
  })

/** Method 2: IRSA. The IAM OIDC provider is registered first when the cluster has none yet. */
type IrsaAuth = Extract<S3AssumeAuth, { method: 'irsa' }>

const irsaScript = (c: DeploymentConfig, auth: IrsaAuth, region: string): BundleFile =>
  script({
    name: 'iam-irsa.sh',
    summary: `Sets up IRSA: registers the EKS cluster's OIDC issuer with IAM if needed, creates the role the
gateway's service accounts assume and grants it the log bucket. AWS_REGION overrides the cluster region.`,
    vars: [
      ...roleVars('ROLE', auth.roleArn, true),
      ['PARTITION', partitionOf(auth.roleArn)],
      ['CLUSTER_NAME', auth.clusterName ?? placeholder('cluster-name')],
      ['DEFAULT_REGION', region],
      ['OIDC_PROVIDER', oidcProviderId(auth.oidcProviderUrl)],
      ['NAMESPACE', c.chart.namespace],
      ['TRUST_FILE', fromScripts(IAM_FILES.irsaTrust)],
      ['POLICY_FILE', fromScripts(IAM_FILES.s3Access)],
      ['POLICY_NAME', IAM_POLICY_NAMES.s3Access],
    ],
    helpers: ['need', 'filled', 'noPlaceholderIn', 'awsAccount', 'ensureRole'],
    body: [
      `readonly EKS_REGION="\${AWS_REGION:-$DEFAULT_REGION}"`,
      '',
      SECTION_CHECKS,
      NEED_AWS,
      'filled CLUSTER_NAME "$CLUSTER_NAME"',
      'no_placeholder_in "$POLICY_FILE"',
      ...sameAccountCheck('ROLE'),
      'issuer="$(aws eks describe-cluster --name "$CLUSTER_NAME" --region "$EKS_REGION" --query cluster.identity.oidc.issuer --output text)" ||',
      '  fail "cannot read EKS cluster $CLUSTER_NAME in $EKS_REGION: check the name, or set AWS_REGION to the cluster\'s region."',
      'case "$OIDC_PROVIDER" in',
      '  \'<\'*) fail "the OIDC issuer of $CLUSTER_NAME is $issuer: enter it as the OIDC provider URL in portkey-setup and download the bundle again." ;;',
      'esac',
      `[ "\${issuer#https://}" = "$OIDC_PROVIDER" ] ||`,
      '  fail "cluster $CLUSTER_NAME uses the OIDC issuer $issuer, but the trust policy names $OIDC_PROVIDER: correct the OIDC provider URL in portkey-setup."',
      'no_placeholder_in "$TRUST_FILE"',
      'readonly PROVIDER_ARN="arn:$PARTITION:iam::$ROLE_ACCOUNT:oidc-provider/$OIDC_PROVIDER"',
      '',
      SECTION_CHANGES,
      '# EKS always has an issuer; IAM trusts it only once it is registered as an OIDC provider.',
      'if aws iam get-open-id-connect-provider --open-id-connect-provider-arn "$PROVIDER_ARN" >/dev/null 2>&1; then',
      '  echo "IAM already trusts the OIDC issuer of $CLUSTER_NAME."',
      'elif command -v eksctl >/dev/null 2>&1; then',
      '  echo "Registering the OIDC issuer of $CLUSTER_NAME with IAM (eksctl)."',
      '  eksctl utils associate-iam-oidc-provider --cluster "$CLUSTER_NAME" --region "$EKS_REGION" --approve',
      'else',
      '  echo "Registering the OIDC issuer of $CLUSTER_NAME with IAM."',
      '  aws iam create-open-id-connect-provider --url "$issuer" --client-id-list sts.amazonaws.com',
      'fi',
      'ensure_role "$ROLE_NAME" "$TRUST_FILE" "$ROLE_PATH"',
      ...putRolePolicy('ROLE_NAME'),
      'echo "Done: service accounts in namespace $NAMESPACE can assume $ROLE_ARN (values.yaml sets the eks.amazonaws.com/role-arn annotation)."',
    ],
  })

/** Method 3: the node role through an instance profile; the policy is customer-managed. */
const imdsScript = (bucket: string, roleName: string | undefined, imdsV1: boolean): BundleFile =>
  script({
    name: 'iam-imds.sh',
    summary: `Gives the EC2 nodes that run the gateway access to the log bucket through their instance role:
creates the role (EC2 trust) if it does not exist, a customer-managed policy for the bucket, and an
instance profile holding the role.`,
    vars: [
      ['ROLE_NAME', roleName ?? placeholder('role-name')],
      ['INSTANCE_PROFILE', roleName ?? placeholder('role-name')],
      ['TRUST_FILE', fromScripts(IAM_FILES.ec2Trust)],
      ['POLICY_FILE', fromScripts(IAM_FILES.s3Access)],
      ['POLICY_NAME', imdsPolicyName(bucket)],
    ],
    helpers: ['need', 'filled', 'noPlaceholderIn'],
    body: [
      SECTION_CHECKS,
      NEED_AWS,
      'filled ROLE_NAME "$ROLE_NAME"',
      'no_placeholder_in "$TRUST_FILE"',
      'no_placeholder_in "$POLICY_FILE"',
      'caller="$(aws sts get-caller-identity --query Arn --output text)" ||',
      "  fail 'the aws CLI has no working credentials: run aws configure or aws sso login first.'",
      'IFS=: read -r _ partition _ _ account _ <<<"$caller"',
      '[[ "$account" =~ ^[0-9]{12}$ ]] || fail "cannot tell the account from the caller ARN $caller."',
      '# A customer-managed policy lives in your account: arn:<partition>:iam::<account>:policy/<name>.',
      'readonly POLICY_ARN="arn:$partition:iam::$account:policy/$POLICY_NAME"',
      'profile_roles=""',
      'if aws iam get-instance-profile --instance-profile-name "$INSTANCE_PROFILE" >/dev/null 2>&1; then',
      '  profile_roles="$(aws iam get-instance-profile --instance-profile-name "$INSTANCE_PROFILE" --query \'InstanceProfile.Roles[].RoleName\' --output text)"',
      '  case "$profile_roles" in',
      '    "" | "$ROLE_NAME" | None) ;;',
      '    *) fail "instance profile $INSTANCE_PROFILE already holds role $profile_roles, not $ROLE_NAME." ;;',
      '  esac',
      'else',
      '  create_profile=1',
      'fi',
      '',
      SECTION_CHANGES,
      'if aws iam get-role --role-name "$ROLE_NAME" >/dev/null 2>&1; then',
      '  echo "Role $ROLE_NAME exists (for example your node role): its trust policy is left as it is."',
      'else',
      '  echo "Creating role $ROLE_NAME for EC2 instances."',
      '  aws iam create-role --role-name "$ROLE_NAME" --assume-role-policy-document "file://$TRUST_FILE" \\',
      "    --description 'Used by the Portkey gateway'",
      'fi',
      'if aws iam get-policy --policy-arn "$POLICY_ARN" >/dev/null 2>&1; then',
      '  # A policy keeps at most five versions: delete old ones in the console if this step refuses.',
      '  echo "Policy $POLICY_ARN exists: making the bundled document its default version."',
      '  aws iam create-policy-version --policy-arn "$POLICY_ARN" --policy-document "file://$POLICY_FILE" --set-as-default',
      'else',
      '  echo "Creating policy $POLICY_NAME."',
      '  aws iam create-policy --policy-name "$POLICY_NAME" --policy-document "file://$POLICY_FILE"',
      'fi',
      'aws iam attach-role-policy --role-name "$ROLE_NAME" --policy-arn "$POLICY_ARN"',
      `if [ "\${create_profile:-0}" = 1 ]; then`,
      '  echo "Creating instance profile $INSTANCE_PROFILE."',
      '  aws iam create-instance-profile --instance-profile-name "$INSTANCE_PROFILE"',
      'fi',
      'case "$profile_roles" in',
      '  "$ROLE_NAME") echo "Instance profile $INSTANCE_PROFILE already holds $ROLE_NAME." ;;',
      '  *) aws iam add-role-to-instance-profile --instance-profile-name "$INSTANCE_PROFILE" --role-name "$ROLE_NAME" ;;',
      'esac',
      '',
      '# Last step, yours: put the instance profile on the nodes that run the gateway. For one instance:',
      '#   aws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<instance-profile>',
      '# For an Auto Scaling group or EKS node group, set the instance profile in its launch template instead.',
      'echo "Done. Now attach instance profile $INSTANCE_PROFILE to the gateway nodes, e.g.:"',
      'echo "  aws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=$INSTANCE_PROFILE"',
      imdsV1
        ? 'echo "values.yaml sets AWS_IMDS_V1=true, so the nodes must allow IMDSv1 (http-tokens optional)."'
        : 'echo "With IMDSv2, pods reach the metadata service only with a hop limit of 2: aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-put-response-hop-limit 2"',
    ],
  })

/** The IAM script of the log store path, when it has one. */
export const logStoreIamScripts = (c: DeploymentConfig): BundleFile[] => {
  const ls = c.logStore
  if (ls.type === 's3') return [s3UserScript()]
  if (ls.type !== 's3_assume') return []
  const auth = ls.auth
  if (auth.method === 'access_keys') return [s3RoleScript(auth.roleArn)]
  if (auth.method === 'irsa') return [irsaScript(c, auth, ls.region)]
  return [imdsScript(ls.bucket, auth.roleName, auth.imdsV1)]
}
