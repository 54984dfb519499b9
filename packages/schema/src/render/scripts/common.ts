import { CHART_NAME } from '../../chart/facts.js'
import { type DeploymentConfig, REGISTRY_SECRET_NAME } from '../../config/index.js'
import { shellComment, shellQuote, shellReadonly } from '../shell.js'
import { type BundleFile, SCRIPT_MODE } from '../types.js'

export const NEED_AWS =
  "need aws 'see https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html'"
export const SECTION_CHECKS =
  '# ---- Checks -------------------------------------------------------------------------'
export const SECTION_CHANGES =
  '# ---- Changes ------------------------------------------------------------------------'

/**
 * The gateway Deployment's name, as the chart's `portkeyenterprise.fullname` helper computes it
 * (no nameOverride/fullnameOverride): the release alone when it already contains the chart name.
 */
export const gatewayDeploymentName = (release: string): string => {
  const full = release.includes(CHART_NAME) ? release : `${release}-${CHART_NAME}`
  return full.slice(0, 63).replace(/-$/, '')
}

/** Which Kubernetes Secrets exist outside the chart, and who makes them. */
export type SecretsPlan = {
  /** environment.existingSecret, created by create-secret.sh from secrets.env. */
  envSecret?: string
  /** The image pull secret create-secret.sh makes when registry credentials must stay out of values.yaml. */
  pullSecret?: string
  /** An image pull secret the user manages. */
  existingPullSecret?: string
  /** AWS Secrets Manager: the SecretProviderClass install-secrets-store-csi.sh applies. */
  providerClass?: string
}

export const secretsPlan = (c: DeploymentConfig): SecretsPlan => ({
  ...(c.secrets.mode === 'existingSecret' ? { envSecret: c.secrets.secretName } : {}),
  ...(c.registry.mode === 'create' && c.secrets.mode !== 'inline'
    ? { pullSecret: REGISTRY_SECRET_NAME }
    : {}),
  ...(c.registry.mode === 'existing' ? { existingPullSecret: c.registry.secretName } : {}),
  ...(c.secrets.mode === 'awsSecretsManager' ? { providerClass: `${c.chart.releaseName}-aws-secrets` } : {}),
})

/** create-secret.sh ships only when there is something for it to create. */
export const needsCreateSecret = (c: DeploymentConfig) => {
  const p = secretsPlan(c)
  return Boolean(p.envSecret || p.pullSecret)
}

/** secrets.env ships for create-secret.sh, and for create-aws-secret.sh (which stores it in AWS). */
export const needsSecretsEnv = (c: DeploymentConfig) =>
  needsCreateSecret(c) || c.secrets.mode === 'awsSecretsManager'

/**
 * Command-line options every cluster script takes, so a CI job or an air-gapped user can point it
 * elsewhere without editing it. KUBECONFIG is honoured as kubectl and helm honour it; --context (or
 * KUBE_CONTEXT) picks the kube context for both. With chartRepo, --chart-repo (or
 * PORTKEY_CHART_REPO) replaces the public chart repository, e.g. with an internal mirror.
 * Positional arguments are left in ARGS.
 */
export type SwitchOption = { flag: string; variable: string; help: string }
/** An option that takes a value (`--flag VALUE` or `--flag=VALUE`), with its default. */
export type ValueOption = SwitchOption & { value: string; default: string }

export const optionLines = (
  usage: string,
  opts: { chartRepo?: boolean; switches?: SwitchOption[]; values?: ValueOption[] } = {},
): string[] => [
  '# ---- Options -------------------------------------------------------------------------',
  'usage() {',
  `  cat <<'USAGE'`,
  ...usage.split('\n'),
  'Options:',
  '  --context NAME      kube context for kubectl and helm (default: KUBE_CONTEXT, else the current one)',
  ...(opts.chartRepo
    ? [
        '  --chart-repo URL    chart repository to install from (default: PORTKEY_CHART_REPO, else the public one)',
      ]
    : []),
  ...(opts.switches ?? []).map((o) => `  ${o.flag.padEnd(18)}  ${o.help}`),
  ...(opts.values ?? []).map(
    (o) => `  ${`${o.flag} ${o.value}`.padEnd(18)}  ${o.help} (default: ${o.default})`,
  ),
  '  -h, --help          show this help',
  'KUBECONFIG is honoured as kubectl and helm honour it.',
  'USAGE',
  '}',
  `CONTEXT="\${KUBE_CONTEXT:-}"`,
  ...(opts.chartRepo ? [`CHART_REPO="\${PORTKEY_CHART_REPO:-$REPO_URL}"`] : []),
  ...(opts.switches ?? []).map((o) => `${o.variable}=false`),
  ...(opts.values ?? []).map((o) => `${o.variable}=${shellQuote(o.default)}`),
  'ARGS=()',
  'while [ $# -gt 0 ]; do',
  '  case "$1" in',
  '    --context) [ $# -ge 2 ] || fail "--context needs a name"; CONTEXT="$2"; shift 2 ;;',
  `    --context=*) CONTEXT="\${1#*=}"; shift ;;`,
  ...(opts.chartRepo
    ? [
        '    --chart-repo) [ $# -ge 2 ] || fail "--chart-repo needs a URL"; CHART_REPO="$2"; shift 2 ;;',
        `    --chart-repo=*) CHART_REPO="\${1#*=}"; shift ;;`,
      ]
    : []),
  ...(opts.switches ?? []).map((o) => `    ${o.flag}) ${o.variable}=true; shift ;;`),
  ...(opts.values ?? []).flatMap((o) => [
    `    ${o.flag}) [ $# -ge 2 ] || fail "${o.flag} needs a value"; ${o.variable}="$2"; shift 2 ;;`,
    `    ${o.flag}=*) ${o.variable}="\${1#*=}"; shift ;;`,
  ]),
  '    -h | --help) usage; exit 0 ;;',
  '    -*) fail "unknown option $1 (see --help)" ;;',
  '    *) ARGS+=("$1"); shift ;;',
  '  esac',
  'done',
  '# Every kubectl and helm call below goes to the chosen context.',
  `kubectl() { command kubectl \${CONTEXT:+--context "$CONTEXT"} "$@"; }`,
  `helm() { command helm \${CONTEXT:+--kube-context "$CONTEXT"} "$@"; }`,
  '',
]

/** Shell functions a script may use; each script includes only the ones it calls. */
const HELPERS = {
  fail: `fail() {
  printf '%s: %s\\n' "\${0##*/}" "$*" >&2
  exit 1
}`,
  need: `need() {
  # type -P: the program on PATH, not a wrapper function of the same name.
  type -P "$1" >/dev/null 2>&1 || fail "$1 is not installed: $2"
}`,
  reachCluster: `reach_cluster() {
  kubectl cluster-info --request-timeout=20s >/dev/null 2>&1 ||
    fail "kubectl cannot reach a cluster: check 'kubectl config current-context' and your credentials."
}`,
  filled: `# Refuses values that still hold a <placeholder>: fill them in (or set them in portkey-setup) first.
filled() {
  case "$2" in
    *'<'*'>'*) fail "$1 is still the placeholder $2: replace it at the top of this script, or set it in portkey-setup and download the bundle again." ;;
  esac
}`,
  noPlaceholderIn: `no_placeholder_in() {
  [ -f "$1" ] || fail "$1 is missing: run this script from the unzipped bundle."
  if grep -Eq '<[a-z][a-z-]*>' "$1"; then
    fail "$1 still contains a <placeholder>: fill it in, or complete the value in portkey-setup and download the bundle again."
  fi
}`,
  awsAccount: `# The account the aws CLI acts in; refuses to run against a different one than the ARNs name.
aws_account() {
  local account
  account="$(aws sts get-caller-identity --query Account --output text)" ||
    fail 'the aws CLI has no working credentials: run aws configure or aws sso login first.'
  printf '%s' "$account"
}`,
  ensureRole: `# Creates the role, or replaces the trust policy of an existing one with the bundled file.
ensure_role() {
  if aws iam get-role --role-name "$1" >/dev/null 2>&1; then
    echo "Role $1 exists: updating its trust policy from $2."
    aws iam update-assume-role-policy --role-name "$1" --policy-document "file://$2"
  else
    echo "Creating role $1."
    aws iam create-role --role-name "$1" --path "$3" --assume-role-policy-document "file://$2" \\
      --description 'Used by the Portkey gateway'
  fi
}`,
} as const
export type Helper = keyof typeof HELPERS

export type ScriptSpec = {
  /** File name under scripts/. */
  name: string
  /** What the script does, a few lines. */
  summary: string
  /** User values (and fixed names) the script uses, assigned once as readonly variables. */
  vars: [string, string][]
  helpers: Helper[]
  /** Body lines after the helpers. */
  body: string[]
}

/** Assembles a script: shebang, strict mode, cd to its own folder, readonly values, helpers, body. */
export const script = (spec: ScriptSpec): BundleFile => {
  const helpers = (['fail', ...spec.helpers] as Helper[]).filter((h, i, all) => all.indexOf(h) === i)
  const sections = [
    [
      '#!/usr/bin/env bash',
      shellComment(spec.summary),
      '#',
      shellComment(
        'Written by portkey-setup. Your values are set once below; every check runs before anything changes.',
      ),
      'set -euo pipefail',
      '# Paths below are relative to this folder, wherever the script is started from.',
      'cd -- "$(dirname -- "$0")"',
    ],
    spec.vars.map(([name, value]) => shellReadonly(name, value)),
    helpers.map((h) => HELPERS[h]),
    spec.body,
  ]
  const content = sections
    .filter((s) => s.length > 0)
    .map((s) => s.join('\n'))
    .join('\n\n')
  return { path: `scripts/${spec.name}`, content: `${content}\n`, mode: SCRIPT_MODE }
}
