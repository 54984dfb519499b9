import { isSingleLine } from '../../config/fields.js'
import type { DeploymentConfig } from '../../config/index.js'
import { splitEnvironment } from '../../env/index.js'
import { type BundleFile, SECRET_MODE } from '../types.js'
import { needsCreateSecret, needsSecretsEnv, optionLines, script, secretsPlan } from './common.js'

export const SECRETS_ENV_PATH = 'secrets.env'
export const REGISTRY_ENV_KEYS = [
  'REGISTRY_SERVER',
  'REGISTRY_USERNAME',
  'REGISTRY_PASSWORD',
  'REGISTRY_EMAIL',
]

/** Everything secrets.env holds, in order: the gateway's secret env keys, then the registry credentials. */
export const secretsEnvEntries = (c: DeploymentConfig): [string, string][] => {
  const plan = secretsPlan(c)
  const entries: [string, string][] =
    plan.envSecret || plan.providerClass ? Object.entries(splitEnvironment(c).secrets) : []
  if (plan.pullSecret && c.registry.mode === 'create')
    entries.push(
      ['REGISTRY_SERVER', c.registry.server],
      ['REGISTRY_USERNAME', c.registry.username],
      ['REGISTRY_PASSWORD', c.registry.password],
      ['REGISTRY_EMAIL', c.registry.email ?? ''],
    )
  return entries
}

/**
 * secrets.env (mode 0600) at the bundle root. kubectl --from-env-file takes each KEY=value line
 * literally: the value is everything after the first "=", with no quote removal and no $
 * expansion, so values are written verbatim. The schema keeps control characters out of every
 * value, which is what makes one value per line safe.
 */
export const secretsEnvFile = (c: DeploymentConfig): BundleFile[] => {
  if (!needsSecretsEnv(c)) return []
  const plan = secretsPlan(c)
  const lines = secretsEnvEntries(c).map(([k, v]) => {
    if (!isSingleLine(v))
      throw new Error(`The value of ${k} spans several lines; secrets.env cannot hold it.`)
    return `${k}=${v}`
  })
  const reader = plan.providerClass
    ? `create-aws-secret.sh (it stores them in AWS Secrets Manager)${plan.pullSecret ? ' and create-secret.sh' : ''}`
    : 'create-secret.sh'
  const header = [
    `# Secret values for ${reader}. Keep this file private (mode 0600) and out of version control.`,
    '# One KEY=value per line; the value is taken literally up to the end of the line (no quotes needed).',
  ]
  return [{ path: SECRETS_ENV_PATH, content: `${[...header, ...lines].join('\n')}\n`, mode: SECRET_MODE }]
}

/** Reads a key from secrets.env without evaluating the file, the way kubectl reads an env file. */
export const ENV_VALUE_FN = `# Prints the value of key $1 from secrets.env, verbatim. The file is read line by line and never
# sourced, so nothing in a value (quotes, $(...), backticks) is ever run.
env_value() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    line="\${line%$'\\r'}"
    case "$line" in
      "$1="*)
        printf '%s' "\${line#"$1="}"
        return 0
        ;;
    esac
  done <"$SECRETS_FILE"
  return 1
}`

export const createSecretScript = (c: DeploymentConfig): BundleFile[] => {
  if (!needsCreateSecret(c)) return []
  const plan = secretsPlan(c)
  const envKeys = plan.envSecret ? Object.keys(splitEnvironment(c).secrets) : []
  const vars: [string, string][] = [
    ['NAMESPACE', c.chart.namespace],
    ['SECRETS_FILE', `../${SECRETS_ENV_PATH}`],
  ]
  if (plan.envSecret) vars.push(['ENV_SECRET', plan.envSecret])
  if (plan.pullSecret) vars.push(['PULL_SECRET', plan.pullSecret])

  const checks = [
    "need kubectl 'see https://kubernetes.io/docs/tasks/tools/'",
    '[ -f "$SECRETS_FILE" ] || fail "$SECRETS_FILE is missing: run this script from the unzipped bundle."',
  ]
  if (envKeys.length > 0)
    checks.push(
      `for key in ${envKeys.join(' ')}; do`,
      '  env_value "$key" >/dev/null || fail "$SECRETS_FILE has no $key= line: add it, or download the bundle again."',
      'done',
    )
  if (plan.pullSecret)
    checks.push(
      'registry_server="$(env_value REGISTRY_SERVER)" || fail "$SECRETS_FILE has no REGISTRY_SERVER= line."',
      'registry_username="$(env_value REGISTRY_USERNAME)" || fail "$SECRETS_FILE has no REGISTRY_USERNAME= line."',
      'registry_password="$(env_value REGISTRY_PASSWORD)" || fail "$SECRETS_FILE has no REGISTRY_PASSWORD= line."',
      'registry_email="$(env_value REGISTRY_EMAIL)" || registry_email=\'\'',
      'if [ -z "$registry_username" ] || [ -z "$registry_password" ]; then',
      '  fail "REGISTRY_USERNAME and REGISTRY_PASSWORD in $SECRETS_FILE must not be empty."',
      'fi',
    )
  checks.push('reach_cluster')

  const body = [
    '# ---- Checks -------------------------------------------------------------------------',
    ...checks,
    '',
    '# ---- Secrets -------------------------------------------------------------------------',
    '# "create --dry-run | apply" creates each object, or updates it when it already exists.',
    'kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 || kubectl create namespace "$NAMESPACE"',
  ]
  if (plan.envSecret) {
    body.push('')
    if (plan.pullSecret)
      body.push(
        '# The registry lines are for the pull secret only: leave them out of the gateway environment.',
        'env_file="$(mktemp)"',
        'trap \'rm -f "$env_file"\' EXIT',
        'while IFS= read -r line || [ -n "$line" ]; do',
        '  case "$line" in',
        '    REGISTRY_*) ;;',
        '    *) printf \'%s\\n\' "$line" ;;',
        '  esac',
        'done <"$SECRETS_FILE" >"$env_file"',
      )
    else body.push('env_file="$SECRETS_FILE"')
    body.push(
      'echo "Creating Secret $ENV_SECRET in namespace $NAMESPACE from $SECRETS_FILE."',
      'kubectl create secret generic "$ENV_SECRET" --namespace "$NAMESPACE" --from-env-file="$env_file" \\',
      '  --dry-run=client -o yaml | kubectl apply -f -',
    )
  }
  if (plan.pullSecret)
    body.push(
      '',
      '# kubectl has no file input for docker-registry credentials, so they pass as arguments of this',
      '# one local command; they never reach the terminal or a log.',
      'echo "Creating image pull secret $PULL_SECRET in namespace $NAMESPACE."',
      'if [ -n "$registry_email" ]; then',
      '  kubectl create secret docker-registry "$PULL_SECRET" --namespace "$NAMESPACE" \\',
      '    --docker-server="$registry_server" --docker-username="$registry_username" \\',
      '    --docker-password="$registry_password" --docker-email="$registry_email" \\',
      '    --dry-run=client -o yaml | kubectl apply -f -',
      'else',
      '  kubectl create secret docker-registry "$PULL_SECRET" --namespace "$NAMESPACE" \\',
      '    --docker-server="$registry_server" --docker-username="$registry_username" \\',
      '    --docker-password="$registry_password" \\',
      '    --dry-run=client -o yaml | kubectl apply -f -',
      'fi',
    )
  body.push('', 'echo "Done. Now run ./install.sh"')

  return [
    script({
      name: 'create-secret.sh',
      summary:
        'Creates the Kubernetes Secrets this deployment expects, from ../secrets.env (run it before install.sh).',
      vars,
      helpers: ['need', 'reachCluster'],
      body: [...optionLines('Usage: ./create-secret.sh [--context NAME]'), ENV_VALUE_FN, '', ...body],
    }),
  ]
}
