import { CHART_NAME, GATEWAY_PORT, HELM_REPO_NAME, HELM_REPO_URL } from '../../chart/facts.js'
import type { DeploymentConfig } from '../../config/index.js'
import { gatewayAddress, reachSentence } from '../exposure-text.js'
import { NETWORK_POLICY_PATH, redisPolicyName, renderNetworkPolicy } from '../network-policy.js'
import { PDB_PATH, pdbName, renderPodDisruptionBudget } from '../pod-disruption-budget.js'
import { caConfigMapName } from '../resources-config.js'
import { shellQuote } from '../shell.js'
import type { BundleFile } from '../types.js'
import { gatewayDeploymentName, optionLines, script, secretsPlan } from './common.js'

/** Bundle paths as the scripts (which run from scripts/) see them. */
export const VALUES_PATH = '../values.yaml'
export const RESOURCES_CONFIG_PATH = '../resources-config.yaml'
const POLICY_FILE = `../${NETWORK_POLICY_PATH}`
const PDB_FILE = `../${PDB_PATH}`

const hasMongoCa = (c: DeploymentConfig) => c.logStore.type === 'mongo' && Boolean(c.logStore.tlsCa)

/** The one place install and uninstall get the release from, so they always agree. */
const releaseVars = (c: DeploymentConfig): [string, string][] => [
  ['RELEASE', c.chart.releaseName],
  ['NAMESPACE', c.chart.namespace],
]

/** install.sh's last words: where to open the gateway (the default keeps its port-forward line). */
const reachLines = (c: DeploymentConfig): string[] => {
  const a = gatewayAddress(c)
  if (a.kind === 'port-forward')
    return ['echo "Then reach it on http://localhost:8787 with ./port-forward.sh"']
  return [
    `echo ${shellQuote(`Then: ${reachSentence(a)}`)}`,
    ...(a.kind === 'ingress' ? [] : [`echo ${shellQuote(`  ${a.lookup}`)}`]),
  ]
}

export const installScript = (c: DeploymentConfig): BundleFile => {
  const plan = secretsPlan(c)
  const ca = hasMongoCa(c)
  const policy = renderNetworkPolicy(c) !== null
  const pdb = renderPodDisruptionBudget(c) !== null
  const vars: [string, string][] = [
    ...releaseVars(c),
    ['CHART_VERSION', c.chart.version],
    ['CHART', `${HELM_REPO_NAME}/${CHART_NAME}`],
    ['REPO_NAME', HELM_REPO_NAME],
    ['REPO_URL', HELM_REPO_URL],
    ['VALUES_FILE', VALUES_PATH],
    ['DEPLOYMENT', gatewayDeploymentName(c.chart.releaseName)],
  ]
  if (ca) vars.push(['RESOURCES_FILE', RESOURCES_CONFIG_PATH])
  if (policy) vars.push(['POLICY_FILE', POLICY_FILE])
  if (pdb) vars.push(['PDB_FILE', PDB_FILE])
  if (plan.envSecret) vars.push(['ENV_SECRET', plan.envSecret])
  if (plan.pullSecret) vars.push(['PULL_SECRET', plan.pullSecret])
  if (plan.existingPullSecret) vars.push(['PULL_SECRET', plan.existingPullSecret])
  if (plan.providerClass) vars.push(['PROVIDER_CLASS', plan.providerClass])

  const secretChecks: string[] = []
  if (plan.providerClass)
    secretChecks.push(
      'kubectl get secretproviderclass "$PROVIDER_CLASS" --namespace "$NAMESPACE" >/dev/null 2>&1 ||',
      '  fail "SecretProviderClass $PROVIDER_CLASS is not in namespace $NAMESPACE yet: run ./create-aws-secret.sh and ./install-secrets-store-csi.sh first."',
    )
  if (plan.envSecret)
    secretChecks.push(
      'kubectl get secret "$ENV_SECRET" --namespace "$NAMESPACE" >/dev/null 2>&1 ||',
      '  fail "Secret $ENV_SECRET is not in namespace $NAMESPACE yet: run ./create-secret.sh first."',
    )
  if (plan.pullSecret)
    secretChecks.push(
      'kubectl get secret "$PULL_SECRET" --namespace "$NAMESPACE" >/dev/null 2>&1 ||',
      '  fail "Image pull secret $PULL_SECRET is not in namespace $NAMESPACE yet: run ./create-secret.sh first."',
    )
  if (plan.existingPullSecret)
    secretChecks.push(
      'kubectl get secret "$PULL_SECRET" --namespace "$NAMESPACE" >/dev/null 2>&1 ||',
      '  fail "Image pull secret $PULL_SECRET is not in namespace $NAMESPACE: create it first, e.g. kubectl create secret docker-registry $PULL_SECRET --namespace $NAMESPACE --docker-server=... --docker-username=... --docker-password=..."',
    )

  return script({
    name: 'install.sh',
    summary: 'Installs the Portkey gateway chart, or upgrades it when the release already exists.',
    vars,
    helpers: ['need', 'reachCluster'],
    body: [
      ...optionLines('Usage: ./install.sh [--context NAME] [--chart-repo URL]', { chartRepo: true }),
      '# ---- Checks -------------------------------------------------------------------------',
      "need helm 'see https://helm.sh/docs/intro/install/'",
      "need kubectl 'see https://kubernetes.io/docs/tasks/tools/'",
      '[ -f "$VALUES_FILE" ] || fail "$VALUES_FILE is missing: run this script from the unzipped bundle."',
      ...(policy
        ? [
            '[ -f "$POLICY_FILE" ] || fail "$POLICY_FILE is missing: run this script from the unzipped bundle."',
          ]
        : []),
      ...(pdb
        ? ['[ -f "$PDB_FILE" ] || fail "$PDB_FILE is missing: run this script from the unzipped bundle."']
        : []),
      ...(ca
        ? [
            '[ -f "$RESOURCES_FILE" ] || fail "$RESOURCES_FILE is missing: run this script from the unzipped bundle."',
          ]
        : []),
      'reach_cluster',
      ...secretChecks,
      '',
      '# ---- Chart ---------------------------------------------------------------------------',
      'echo "Adding the Helm repository $REPO_NAME ($CHART_REPO)."',
      'helm repo add "$REPO_NAME" "$CHART_REPO" --force-update',
      'helm repo update "$REPO_NAME"',
      'helm show chart "$CHART" --version "$CHART_VERSION" >/dev/null ||',
      '  fail "Chart $CHART version $CHART_VERSION is not in the repository: pick a published version in portkey-setup."',
      ...(ca || policy
        ? ['', 'kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 || kubectl create namespace "$NAMESPACE"']
        : []),
      ...(ca
        ? [
            '# The Mongo CA certificate is a ConfigMap the gateway mounts, so it must exist first.',
            'echo "Applying $RESOURCES_FILE to namespace $NAMESPACE."',
            'kubectl apply --namespace "$NAMESPACE" -f "$RESOURCES_FILE"',
          ]
        : []),
      ...(policy
        ? [
            '# This chart cannot keep the in-cluster Redis off a NodePort: the policy admits only the gateway.',
            'echo "Applying $POLICY_FILE to namespace $NAMESPACE."',
            'kubectl apply --namespace "$NAMESPACE" -f "$POLICY_FILE"',
          ]
        : []),
      '',
      'echo "Installing release $RELEASE (chart $CHART $CHART_VERSION) in namespace $NAMESPACE."',
      'helm upgrade --install "$RELEASE" "$CHART" --version "$CHART_VERSION" -f "$VALUES_FILE" -n "$NAMESPACE" --create-namespace',
      ...(pdb
        ? [
            '# The chart has no PodDisruptionBudget: this one keeps all but one gateway pod up during drains.',
            'echo "Applying $PDB_FILE to namespace $NAMESPACE."',
            'kubectl apply --namespace "$NAMESPACE" -f "$PDB_FILE"',
          ]
        : []),
      '',
      '# ---- Next ----------------------------------------------------------------------------',
      'kubectl get pods --namespace "$NAMESPACE" -l "app.kubernetes.io/instance=$RELEASE"',
      'echo',
      'echo "Pods can take a minute to start. To wait for the gateway:"',
      'echo "  kubectl rollout status deployment/$DEPLOYMENT --namespace $NAMESPACE"',
      ...reachLines(c),
    ],
  })
}

export const uninstallScript = (c: DeploymentConfig): BundleFile => {
  const plan = secretsPlan(c)
  const vars = releaseVars(c)
  const made = [
    ...(hasMongoCa(c) ? [['configmap', 'CA_CONFIGMAP', caConfigMapName(c)]] : []),
    ...(renderNetworkPolicy(c) !== null ? [['networkpolicy', 'POLICY', redisPolicyName(c)]] : []),
    ...(plan.providerClass ? [['secretproviderclass', 'PROVIDER_CLASS', plan.providerClass]] : []),
    ...(renderPodDisruptionBudget(c) !== null ? [['poddisruptionbudget', 'PDB', pdbName(c)]] : []),
  ]
  const secrets = [
    ...(plan.envSecret ? [['secret', 'ENV_SECRET', plan.envSecret]] : []),
    ...(plan.pullSecret ? [['secret', 'PULL_SECRET', plan.pullSecret]] : []),
  ]
  for (const [, v, name] of [...made, ...secrets]) vars.push([v as string, name as string])
  const del = ([kind, v]: string[]) =>
    `kubectl delete ${kind} "$${v}" --namespace "$NAMESPACE" --ignore-not-found`
  return script({
    name: 'uninstall.sh',
    summary:
      'Removes the Portkey gateway release that install.sh installed (same release, same namespace),\nand the objects the bundle made for it beside the chart.',
    vars,
    helpers: ['need'],
    body: [
      ...optionLines('Usage: ./uninstall.sh [--context NAME] [--keep-secrets]', {
        switches: secrets.length
          ? [
              {
                flag: '--keep-secrets',
                variable: 'KEEP_SECRETS',
                help: 'keep the Secrets create-secret.sh made',
              },
            ]
          : [],
      }),
      "need helm 'see https://helm.sh/docs/intro/install/'",
      "need kubectl 'see https://kubernetes.io/docs/tasks/tools/'",
      'helm status "$RELEASE" --namespace "$NAMESPACE" >/dev/null 2>&1 ||',
      '  fail "No release $RELEASE in namespace $NAMESPACE (or the cluster is unreachable): nothing to uninstall."',
      '',
      "# The same RELEASE as install.sh (the chart README's uninstall example names a different one).",
      'helm uninstall "$RELEASE" --namespace "$NAMESPACE"',
      ...made.map(del),
      ...(secrets.length
        ? [
            'if [ "$KEEP_SECRETS" = true ]; then',
            '  echo "Kept the Secrets create-secret.sh made; ./create-secret.sh recreates them from secrets.env anyway."',
            'else',
            ...secrets.map((x) => `  ${del(x)}`),
            'fi',
          ]
        : []),
      '',
      'echo "Release $RELEASE is gone, with what the bundle made for it."',
      'echo "The namespace stays; remove it when nothing else runs there: kubectl delete namespace $NAMESPACE"',
    ],
  })
}

/**
 * Port-forward to the gateway Deployment rather than to a pod found by label: the chart gives the
 * gateway, data service and redis pods the same app.kubernetes.io/instance label, while the
 * Deployment name is fixed by the chart's fullname rule, and kubectl picks a running pod of it.
 * A pod (or other resource) name can be passed instead when values.yaml overrides the names.
 */
export const portForwardScript = (c: DeploymentConfig): BundleFile =>
  script({
    name: 'port-forward.sh',
    summary: `Forwards localhost:${GATEWAY_PORT} to the gateway, for a quick local test.\nUsage: ./port-forward.sh [pod-name | deployment/name]   (LOCAL_PORT=9000 to change the local port)`,
    vars: [
      ['NAMESPACE', c.chart.namespace],
      ['RELEASE', c.chart.releaseName],
      ['DEPLOYMENT', gatewayDeploymentName(c.chart.releaseName)],
    ],
    helpers: ['need', 'reachCluster'],
    body: [
      ...optionLines('Usage: ./port-forward.sh [--context NAME] [pod-name | deployment/name]'),
      `readonly GATEWAY_PORT=${GATEWAY_PORT}`,
      `readonly LOCAL_PORT="\${LOCAL_PORT:-$GATEWAY_PORT}"`,
      `readonly TARGET="\${ARGS[0]:-deployment/$DEPLOYMENT}"`,
      '',
      "need kubectl 'see https://kubernetes.io/docs/tasks/tools/'",
      'reach_cluster',
      `if [ \${#ARGS[@]} -eq 0 ] && ! kubectl get "$TARGET" --namespace "$NAMESPACE" >/dev/null 2>&1; then`,
      '  echo "No $TARGET in namespace $NAMESPACE. Pods of release $RELEASE:" >&2',
      '  kubectl get pods --namespace "$NAMESPACE" -l "app.kubernetes.io/instance=$RELEASE" >&2 || true',
      '  fail "pass the gateway pod name: ./port-forward.sh <pod-name>"',
      'fi',
      '',
      ...(gatewayAddress(c).kind === 'port-forward'
        ? []
        : [`echo ${shellQuote(`For a quick test only: ${reachSentence(gatewayAddress(c))}`)}`]),
      'echo "Forwarding http://localhost:$LOCAL_PORT to $TARGET:$GATEWAY_PORT (Ctrl-C to stop)."',
      'kubectl port-forward "$TARGET" --namespace "$NAMESPACE" "$LOCAL_PORT:$GATEWAY_PORT"',
    ],
  })
