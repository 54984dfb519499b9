import { CHART_NAME, HELM_REPO_NAME, HELM_REPO_URL } from '../../chart/facts.js'
import type { DeploymentConfig } from '../../config/index.js'
import { NETWORK_POLICY_PATH, renderNetworkPolicy } from '../network-policy.js'
import { PDB_PATH, renderPodDisruptionBudget } from '../pod-disruption-budget.js'
import type { BundleFile } from '../types.js'
import { optionLines, script } from './common.js'
import { currentReleaseLines, secretValueKeys } from './export-values.js'
import { RESOURCES_CONFIG_PATH, VALUES_PATH } from './helm.js'

/** The default of --timeout: how long helm waits for the upgraded pods before rolling back. */
export const UPGRADE_TIMEOUT = '10m'

/**
 * Hides secret values in rendered manifests (stdin): every value under data/stringData of a
 * Secret, and the value of an env entry whose name is one of `keys`. Keys stay visible, so the
 * diff still shows a Secret key added or removed.
 */
const HIDE_SECRETS_AWK = `BEGIN { n = split(keys, k, " "); for (i = 1; i <= n; i++) secret[k[i]] = 1 }
/^---/ { kind = ""; insec = 0; pending = 0; print; next }
/^kind: / { kind = $2 }
/^[^ ]/ { insec = (kind == "Secret" && $0 ~ /^(data|stringData):/); print; next }
insec && /^  [^ ]/ { line = $0; sub(/:.*$/, ": <hidden>", line); print line; next }
insec && /^   / { next }
pending && /^ *value: / { line = $0; sub(/value: .*$/, "value: <hidden>", line); print line; pending = 0; next }
{ pending = 0 }
/^ *- name: / { name = $0; sub(/^ *- name: /, "", name); gsub(/"/, "", name); pending = (name in secret) }
{ print }`

export const upgradeScript = (c: DeploymentConfig): BundleFile => {
  const policy = renderNetworkPolicy(c) !== null
  const pdb = renderPodDisruptionBudget(c) !== null
  const ca = c.logStore.type === 'mongo' && Boolean(c.logStore.tlsCa)
  const vars: [string, string][] = [
    ['RELEASE', c.chart.releaseName],
    ['NAMESPACE', c.chart.namespace],
    ['CHART_NAME', CHART_NAME],
    ['CHART_VERSION', c.chart.version],
    ['CHART', `${HELM_REPO_NAME}/${CHART_NAME}`],
    ['REPO_NAME', HELM_REPO_NAME],
    ['REPO_URL', HELM_REPO_URL],
    ['VALUES_FILE', VALUES_PATH],
    ['SECRET_KEYS', secretValueKeys(c).join(' ')],
  ]
  const apply = (file: string, what: string) => [
    `# ${what}`,
    `echo "Applying ${file} to namespace $NAMESPACE."`,
    `kubectl apply --namespace "$NAMESPACE" -f ${file}`,
  ]
  return script({
    name: 'upgrade.sh',
    summary:
      "Upgrades the running release to this bundle's chart version and values: preflight when the\nbundle has it, helm upgrade --atomic (rolled back by helm when the pods do not become ready),\nthen verify. With --diff it only prints the rendered-manifest diff and changes nothing.",
    vars,
    helpers: ['need', 'reachCluster'],
    body: [
      ...optionLines('Usage: ./upgrade.sh [--context NAME] [--chart-repo URL] [--diff] [--timeout 10m]', {
        chartRepo: true,
        switches: [
          {
            flag: '--diff',
            variable: 'DIFF',
            help: 'print the manifest diff (helm template, both sides) and stop',
          },
          { flag: '--skip-preflight', variable: 'SKIP_PREFLIGHT', help: 'do not run preflight.sh first' },
        ],
        values: [
          {
            flag: '--timeout',
            variable: 'TIMEOUT',
            value: 'DURATION',
            help: 'how long helm waits for ready pods before rolling back',
            default: UPGRADE_TIMEOUT,
          },
        ],
      }),
      '# ---- Checks -------------------------------------------------------------------------',
      "need helm 'see https://helm.sh/docs/intro/install/'",
      "need kubectl 'see https://kubernetes.io/docs/tasks/tools/'",
      '[ -f "$VALUES_FILE" ] || fail "$VALUES_FILE is missing: run this script from the unzipped bundle."',
      'reach_cluster',
      ...currentReleaseLines(),
      'echo "Release $RELEASE in namespace $NAMESPACE runs chart $CURRENT_VERSION (app $APP_VERSION, revision $CURRENT_REVISION); this bundle upgrades it to $CHART_VERSION."',
      `NEWER="$(printf '%s\n%s\n' "$CURRENT_VERSION" "$CHART_VERSION" | sort -V | tail -n 1)"`,
      'if [ "$CURRENT_VERSION" != "$CHART_VERSION" ] && [ "$NEWER" = "$CURRENT_VERSION" ]; then',
      '  fail "Release $RELEASE already runs chart $CURRENT_VERSION, newer than this bundle\u2019s $CHART_VERSION: upgrade.sh never downgrades. To go back, pick a revision in helm history $RELEASE --namespace $NAMESPACE and run helm rollback."',
      'fi',
      '',
      '# ---- Chart ---------------------------------------------------------------------------',
      'helm repo add "$REPO_NAME" "$CHART_REPO" --force-update >/dev/null',
      'helm repo update "$REPO_NAME" >/dev/null',
      'helm show chart "$CHART" --version "$CHART_VERSION" >/dev/null ||',
      '  fail "Chart $CHART version $CHART_VERSION is not in the repository $CHART_REPO: pick a published version in portkey-setup."',
      '',
      'if [ "$DIFF" = true ]; then',
      '  WORK="$(mktemp -d)"',
      `  trap 'rm -rf "$WORK"' EXIT`,
      '  helm get values "$RELEASE" --namespace "$NAMESPACE" -o yaml >"$WORK/current-values.yaml"',
      '  helm show chart "$CHART" --version "$CURRENT_VERSION" >/dev/null ||',
      '    fail "Chart $CHART version $CURRENT_VERSION (what runs now) is not in the repository $CHART_REPO, so the current side cannot be rendered."',
      '  render() { # version values-file output',
      `    helm template "$RELEASE" "$CHART" --version "$1" --namespace "$NAMESPACE" -f "$2" | awk -v keys="$SECRET_KEYS" '${HIDE_SECRETS_AWK}' >"$3"`,
      '  }',
      '  render "$CURRENT_VERSION" "$WORK/current-values.yaml" "$WORK/current.yaml"',
      '  render "$CHART_VERSION" "$VALUES_FILE" "$WORK/upgraded.yaml"',
      '  echo "Rendered-manifest diff (secret values hidden), current release -> this bundle:"',
      '  if diff -u --label "current: chart $CURRENT_VERSION, revision $CURRENT_REVISION" --label "upgraded: chart $CHART_VERSION" "$WORK/current.yaml" "$WORK/upgraded.yaml"; then',
      '    echo "No difference: the upgrade would change no object."',
      '  fi',
      '  echo "Nothing was changed. Run ./upgrade.sh without --diff to apply it."',
      '  exit 0',
      'fi',
      '',
      'if [ -x ./preflight.sh ] && [ "$SKIP_PREFLIGHT" != true ]; then',
      '  echo "Running preflight.sh first (skip with --skip-preflight)."',
      `  ./preflight.sh \${CONTEXT:+--context "$CONTEXT"} || fail "preflight.sh found a problem: fix it (or pass --skip-preflight) and run ./upgrade.sh again. Nothing was changed."`,
      'fi',
      '',
      '# ---- Changes ------------------------------------------------------------------------',
      ...(ca ? apply(RESOURCES_CONFIG_PATH, 'The Mongo CA ConfigMap the gateway mounts.') : []),
      ...(policy
        ? apply(`../${NETWORK_POLICY_PATH}`, 'The policy that keeps the in-cluster Redis private.')
        : []),
      'echo "To go back to what runs now at any time:"',
      'echo "  helm rollback $RELEASE $CURRENT_REVISION --namespace $NAMESPACE"',
      'echo "Upgrading release $RELEASE to chart $CHART $CHART_VERSION (waits up to $TIMEOUT for ready pods)."',
      'if ! helm upgrade "$RELEASE" "$CHART" --version "$CHART_VERSION" -f "$VALUES_FILE" --namespace "$NAMESPACE" --atomic --timeout "$TIMEOUT"; then',
      '  echo >&2',
      '  echo "The upgrade failed or its pods were not ready within $TIMEOUT, so helm rolled release $RELEASE back to what ran before (revision $CURRENT_REVISION, chart $CURRENT_VERSION)." >&2',
      '  echo "Next steps:" >&2',
      '  echo "  helm history $RELEASE --namespace $NAMESPACE" >&2',
      `  echo "  kubectl get pods --namespace $NAMESPACE -l app.kubernetes.io/instance=$RELEASE" >&2`,
      '  echo "  kubectl describe pods --namespace $NAMESPACE -l app.kubernetes.io/instance=$RELEASE   (Events: image pulls, probes, missing Secrets)" >&2',
      '  echo "Fix the cause, then run ./upgrade.sh again (--timeout to wait longer)." >&2',
      '  exit 1',
      'fi',
      ...(pdb ? apply(`../${PDB_PATH}`, 'The PodDisruptionBudget of the gateway pods.') : []),
      'echo "Upgraded: release $RELEASE now runs chart $CHART_VERSION. If it misbehaves: helm rollback $RELEASE $CURRENT_REVISION --namespace $NAMESPACE"',
      'if [ -x ./verify.sh ]; then',
      `  ./verify.sh \${CONTEXT:+--context "$CONTEXT"} || fail "verify.sh found a problem after the upgrade: see above; to go back, helm rollback $RELEASE $CURRENT_REVISION --namespace $NAMESPACE"`,
      'fi',
    ],
  })
}
