import { type DeploymentConfig, gatewayRoleArn } from '../../config/index.js'
import { IAM_FILES } from '../iam-files.js'
import {
  awsSecretKeys,
  awsSecretsManagerOf,
  CSI_DRIVER_NAME,
  SECRET_PROVIDER_CLASS_PATH,
  SECRETS_POLICY_NAME,
  secretProviderClassName,
} from '../secrets-manager.js'
import type { BundleFile } from '../types.js'
import { NEED_AWS, optionLines, SECTION_CHANGES, SECTION_CHECKS, script } from './common.js'
import { fromScripts, roleVars, sameAccountCheck } from './iam-log-store.js'
import { ENV_VALUE_FN, SECRETS_ENV_PATH } from './secrets.js'

/** The public chart repositories of the Secrets Store CSI driver and of its AWS provider. */
export const CSI_DRIVER_REPO = {
  name: 'secrets-store-csi-driver',
  url: 'https://kubernetes-sigs.github.io/secrets-store-csi-driver/charts',
  chart: 'secrets-store-csi-driver/secrets-store-csi-driver',
  release: 'csi-secrets-store',
}
export const CSI_PROVIDER_REPO = {
  name: 'aws-secrets-manager',
  url: 'https://aws.github.io/secrets-store-csi-driver-provider-aws',
  chart: 'aws-secrets-manager/secrets-store-csi-driver-provider-aws',
  release: 'secrets-provider-aws',
}

/**
 * create-aws-secret.sh: stores the secret keys of secrets.env as one JSON object in Secrets Manager
 * (a new secret, or a new version of an existing one) and lets the IRSA role read it. jq builds the
 * JSON from the file on stdin and the aws CLI reads it with file://, so no value is ever an argument
 * of a command (visible to other users in the process list) or printed.
 */
const createAwsSecretScript = (c: DeploymentConfig): BundleFile | undefined => {
  const s = awsSecretsManagerOf(c)
  const role = gatewayRoleArn(c)
  if (!s || !role) return undefined
  const keys = awsSecretKeys(c)
  const vars: [string, string][] = [
    ['SECRET_ID', s.secretId],
    ['SECRET_REGION', s.region],
    ...(s.kmsKeyArn ? ([['KMS_KEY_ID', s.kmsKeyArn]] as [string, string][]) : []),
    ['SECRETS_FILE', `../${SECRETS_ENV_PATH}`],
    ...roleVars('ROLE', role),
    ['POLICY_FILE', fromScripts(IAM_FILES.secretsManagerRead)],
    ['POLICY_NAME', SECRETS_POLICY_NAME],
  ]
  const kms = s.kmsKeyArn ? ' --kms-key-id "$KMS_KEY_ID"' : ''
  return script({
    name: 'create-aws-secret.sh',
    summary: `Creates the AWS Secrets Manager secret from ../${SECRETS_ENV_PATH} (or stores a new version of it), and
lets the gateway's IRSA role read it. Run it before install-secrets-store-csi.sh and install.sh.
The aws CLI honours AWS_PROFILE, AWS_REGION and AWS_ENDPOINT_URL as usual.`,
    vars,
    helpers: ['need', 'noPlaceholderIn', 'awsAccount'],
    body: [
      ENV_VALUE_FN,
      '',
      SECTION_CHECKS,
      NEED_AWS,
      "need jq 'see https://jqlang.github.io/jq/download/'",
      '[ -f "$SECRETS_FILE" ] || fail "$SECRETS_FILE is missing: run this script from the unzipped bundle."',
      `for key in ${keys.join(' ')}; do`,
      '  env_value "$key" >/dev/null || fail "$SECRETS_FILE has no $key= line: add it, or download the bundle again."',
      'done',
      'no_placeholder_in "$POLICY_FILE"',
      ...sameAccountCheck('ROLE'),
      'aws iam get-role --role-name "$ROLE_NAME" >/dev/null 2>&1 ||',
      '  fail "role $ROLE_ARN does not exist yet: create it with an IRSA trust for the gateway service account first (see README.md)."',
      '',
      SECTION_CHANGES,
      '# The JSON object of the secret: only the keys the gateway reads from it, each value verbatim.',
      'secret_json="$(mktemp)"',
      'trap \'rm -f "$secret_json"\' EXIT',
      'chmod 600 "$secret_json"',
      'jq -R -n \'[inputs | sub("\\r$"; "") | capture("^(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>.*)$")',
      "  | select(.key as $k | $ARGS.positional | index($k))] | from_entries' \\",
      `  --args ${keys.join(' ')} <"$SECRETS_FILE" >"$secret_json"`,
      'if aws secretsmanager describe-secret --secret-id "$SECRET_ID" --region "$SECRET_REGION" >/dev/null 2>&1; then',
      '  echo "Secret $SECRET_ID exists in $SECRET_REGION: storing a new version from $SECRETS_FILE."',
      '  arn="$(aws secretsmanager put-secret-value --secret-id "$SECRET_ID" --region "$SECRET_REGION" \\',
      '    --secret-string "file://$secret_json" --query ARN --output text)"',
      'else',
      '  case "$SECRET_ID" in',
      '    arn:*) fail "secret $SECRET_ID is not in $SECRET_REGION (or this account cannot see it): check the ARN, or enter a name in portkey-setup so this script can create it." ;;',
      '  esac',
      '  echo "Creating secret $SECRET_ID in $SECRET_REGION from $SECRETS_FILE."',
      `  arn="$(aws secretsmanager create-secret --name "$SECRET_ID" --region "$SECRET_REGION"${kms} \\`,
      "    --description 'Portkey gateway secrets (written by portkey-setup)' \\",
      '    --secret-string "file://$secret_json" --query ARN --output text)"',
      'fi',
      'echo "Secret ARN: $arn"',
      'echo "Putting inline policy $POLICY_NAME on role $ROLE_NAME (read this secret only)."',
      'aws iam put-role-policy --role-name "$ROLE_NAME" --policy-name "$POLICY_NAME" --policy-document "file://$POLICY_FILE"',
      'echo "Done. Next: ./install-secrets-store-csi.sh, then ./install.sh"',
    ],
  })
}

/** install-secrets-store-csi.sh: the driver (with Secret sync on) and the AWS provider when missing, then the SecretProviderClass. */
const installCsiScript = (c: DeploymentConfig): BundleFile =>
  script({
    name: 'install-secrets-store-csi.sh',
    summary: `Installs the Secrets Store CSI driver (with Secret sync) and its AWS provider in kube-system
when the cluster lacks them, then applies ../${SECRET_PROVIDER_CLASS_PATH}. Run it before install.sh.`,
    vars: [
      ['NAMESPACE', c.chart.namespace],
      ['PROVIDER_CLASS', secretProviderClassName(c)],
      ['PROVIDER_CLASS_FILE', `../${SECRET_PROVIDER_CLASS_PATH}`],
      ['CSI_DRIVER', CSI_DRIVER_NAME],
      ['DRIVER_REPO_NAME', CSI_DRIVER_REPO.name],
      ['DRIVER_REPO_URL', CSI_DRIVER_REPO.url],
      ['DRIVER_CHART', CSI_DRIVER_REPO.chart],
      ['DRIVER_RELEASE', CSI_DRIVER_REPO.release],
      ['PROVIDER_REPO_NAME', CSI_PROVIDER_REPO.name],
      ['PROVIDER_REPO_URL', CSI_PROVIDER_REPO.url],
      ['PROVIDER_CHART', CSI_PROVIDER_REPO.chart],
      ['PROVIDER_RELEASE', CSI_PROVIDER_REPO.release],
    ],
    helpers: ['need', 'reachCluster'],
    body: [
      ...optionLines('Usage: ./install-secrets-store-csi.sh [--context NAME]'),
      SECTION_CHECKS,
      "need kubectl 'see https://kubernetes.io/docs/tasks/tools/'",
      '[ -f "$PROVIDER_CLASS_FILE" ] || fail "$PROVIDER_CLASS_FILE is missing: run this script from the unzipped bundle."',
      'reach_cluster',
      '',
      SECTION_CHANGES,
      'if kubectl get csidriver "$CSI_DRIVER" >/dev/null 2>&1; then',
      '  echo "The Secrets Store CSI driver is installed ($CSI_DRIVER)."',
      '  echo "It must sync Secrets (chart value syncSecret.enabled=true); without it the gateway finds no Secret."',
      'else',
      "  need helm 'see https://helm.sh/docs/intro/install/'",
      '  echo "Installing the Secrets Store CSI driver in kube-system, with Secret sync on."',
      '  helm repo add "$DRIVER_REPO_NAME" "$DRIVER_REPO_URL" --force-update',
      '  helm upgrade --install "$DRIVER_RELEASE" "$DRIVER_CHART" --namespace kube-system --set syncSecret.enabled=true',
      'fi',
      '# The provider is a DaemonSet the driver talks to over a socket; its name carries "provider-aws".',
      'daemonsets="$(kubectl get daemonsets --all-namespaces -o name 2>/dev/null || true)"',
      'case "$daemonsets" in',
      '  *provider-aws*) echo "The AWS provider of the CSI driver is installed." ;;',
      '  *)',
      "    need helm 'see https://helm.sh/docs/intro/install/'",
      '    echo "Installing the AWS provider of the CSI driver in kube-system."',
      '    helm repo add "$PROVIDER_REPO_NAME" "$PROVIDER_REPO_URL" --force-update',
      '    helm upgrade --install "$PROVIDER_RELEASE" "$PROVIDER_CHART" --namespace kube-system',
      '    ;;',
      'esac',
      'kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 || kubectl create namespace "$NAMESPACE"',
      'echo "Applying SecretProviderClass $PROVIDER_CLASS to namespace $NAMESPACE."',
      'kubectl apply --namespace "$NAMESPACE" -f "$PROVIDER_CLASS_FILE"',
      'echo "Done. Next: ./install.sh"',
    ],
  })

/** The AWS Secrets Manager scripts, when secrets live there. */
export const secretsManagerScripts = (c: DeploymentConfig): BundleFile[] => {
  if (!awsSecretsManagerOf(c)) return []
  const create = createAwsSecretScript(c)
  return [...(create ? [create] : []), installCsiScript(c)]
}
