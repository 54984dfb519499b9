import { parse } from 'yaml'
import { CHART_NAME } from '../../chart/facts.js'
import type { DeploymentConfig } from '../../config/index.js'
import { SECRET_ENV_KEYS } from '../../env/index.js'
import { collectSecretValues } from '../../secret-fields.js'
import type { BundleFile } from '../types.js'
import { renderValuesYaml } from '../values-yaml.js'
import { optionLines, script } from './common.js'

/** The first line of an export file: what readDeployment recognises it by. */
export const EXPORT_MAGIC = '# portkey-setup export: 1'

/** Leaf keys of a values tree whose string value holds one of the secrets. */
const leafKeysHolding = (tree: unknown, secrets: string[], out: Set<string>, key = '') => {
  if (typeof tree === 'string') {
    if (key && secrets.some((s) => tree.includes(s))) out.add(key)
  } else if (Array.isArray(tree)) for (const v of tree) leafKeysHolding(v, secrets, out, key)
  else if (tree && typeof tree === 'object')
    for (const [k, v] of Object.entries(tree)) leafKeysHolding(v, secrets, out, k)
}

const valuesOf = (c: DeploymentConfig): unknown => {
  try {
    return parse(renderValuesYaml(c))
  } catch {
    return undefined
  }
}

/**
 * The value keys whose values the export and the manifest diff blank: every secret env key the
 * schema knows, and the chart keys this config's secrets land in when written into values.yaml
 * (found by rendering it, inline as well, so a release installed with inline secrets is covered).
 */
export const secretValueKeys = (c: DeploymentConfig): string[] => {
  const out = new Set<string>(SECRET_ENV_KEYS)
  const secrets = collectSecretValues(c)
  const inline = { ...c, secrets: { mode: 'inline' } } as DeploymentConfig
  for (const v of [valuesOf(c), valuesOf(inline)]) leafKeysHolding(v, secrets, out)
  return [...out].filter((k) => /^[A-Za-z0-9_.-]+$/.test(k)).sort()
}

/**
 * An awk program that blanks, in YAML read on stdin, the value of every mapping key listed in the
 * `keys` variable (space-separated), with the lines that continue it (block scalars, folded
 * strings, nested maps), so no secret survives whatever shape the value had.
 */
export const BLANK_KEYS_AWK = `BEGIN { n = split(keys, k, " "); for (i = 1; i <= n; i++) secret[k[i]] = 1; skip = -1 }
{
  match($0, /^ *(- )?/); col = RLENGTH
  if (skip >= 0) { if ($0 ~ /^ *$/ || col > skip) next; skip = -1 }
  rest = substr($0, col + 1); key = rest; sub(/:.*$/, "", key); gsub(/"/, "", key)
  if ((key in secret) && rest ~ /^"?[A-Za-z0-9_.-]+"?:( |$)/) {
    print substr($0, 1, col) key ": \\"\\""
    skip = col
    next
  }
  print
}`

/** Reads kind/name of every object in a multi-document manifest on stdin: "Kind/name, ...". */
const OBJECT_NAMES_AWK = `function flush() { if (kind != "" && name != "") out = out (out == "" ? "" : ", ") kind "/" name; kind = ""; name = "" }
/^---/ { flush(); inmeta = 0; next }
/^kind: / { kind = $2 }
/^metadata:/ { inmeta = 1; next }
/^[^ ]/ { inmeta = 0 }
inmeta && /^  name: / { name = $2; gsub(/"/, "", name) }
END { flush(); print out }`

/** The helm list field of the release's entry (helm list -o yaml), unquoted. */
export const LIST_FIELD = (field: string) =>
  `sed -n 's/^[ -] ${field}: "\\{0,1\\}\\([^"]*\\)"\\{0,1\\}$/\\1/p' | head -n 1`

/** Shell lines that read the running release into CURRENT_REVISION, CURRENT_CHART, CURRENT_VERSION, APP_VERSION. */
export const currentReleaseLines = (): string[] => [
  'helm status "$RELEASE" --namespace "$NAMESPACE" >/dev/null 2>&1 ||',
  '  fail "No release $RELEASE in namespace $NAMESPACE (or the cluster is unreachable): check --context and the namespace."',
  'LISTED="$(helm list --namespace "$NAMESPACE" --filter "^$RELEASE\\$" --all -o yaml)"',
  `CURRENT_REVISION="$(printf '%s\\n' "$LISTED" | ${LIST_FIELD('revision')})"`,
  `CURRENT_CHART="$(printf '%s\\n' "$LISTED" | ${LIST_FIELD('chart')})"`,
  `APP_VERSION="$(printf '%s\\n' "$LISTED" | ${LIST_FIELD('app_version')})"`,
  `CURRENT_VERSION="\${CURRENT_CHART#"$CHART_NAME"-}"`,
  'if [ -z "$CURRENT_REVISION" ] || [ -z "$CURRENT_VERSION" ]; then',
  '  fail "helm list did not show the revision and chart of release $RELEASE in namespace $NAMESPACE."',
  'fi',
]

export const exportValuesScript = (c: DeploymentConfig): BundleFile =>
  script({
    name: 'export-values.sh',
    summary:
      'Prints what the running release is, for portkey-setup to start an upgrade from: its values\n(helm get values), chart version, revision and object names, with every secret value blanked.\nUsage: ./export-values.sh > portkey-export.yaml',
    vars: [
      ['RELEASE', c.chart.releaseName],
      ['NAMESPACE', c.chart.namespace],
      ['CHART_NAME', CHART_NAME],
      ['SECRET_KEYS', secretValueKeys(c).join(' ')],
    ],
    helpers: ['need', 'reachCluster'],
    body: [
      ...optionLines('Usage: ./export-values.sh [--context NAME] > portkey-export.yaml'),
      "need helm 'see https://helm.sh/docs/intro/install/'",
      "need kubectl 'see https://kubernetes.io/docs/tasks/tools/'",
      'reach_cluster',
      ...currentReleaseLines(),
      '',
      '# Values first, so nothing is printed when helm cannot read them.',
      'VALUES="$(helm get values "$RELEASE" --namespace "$NAMESPACE" -o yaml)"',
      `OBJECTS="$(helm get manifest "$RELEASE" --namespace "$NAMESPACE" | awk '${OBJECT_NAMES_AWK}')"`,
      `printf '%s\\n' ${JSON.stringify(EXPORT_MAGIC)}`,
      `printf '# release: %s\\n# namespace: %s\\n# revision: %s\\n' "$RELEASE" "$NAMESPACE" "$CURRENT_REVISION"`,
      `printf '# chart-version: %s\\n# app-version: %s\\n# objects: %s\\n' "$CURRENT_VERSION" "$APP_VERSION" "$OBJECTS"`,
      `printf '%s\\n' "$VALUES" | awk -v keys="$SECRET_KEYS" '${BLANK_KEYS_AWK}'`,
      'echo "Exported release $RELEASE (chart $CURRENT_VERSION, revision $CURRENT_REVISION) without its secret values." >&2',
    ],
  })
