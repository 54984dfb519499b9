import { CHART_NAME, GATEWAY_PORT, HELM_REPO_NAME, HELM_REPO_URL } from '../chart/facts.js'
import { q, section, shell, step } from './blocks.js'
import { RESOURCES_CONFIG_FILE, SCRIPT_FILES, VALUES_FILE } from './files.js'
import type { GuideSection, GuideStep } from './types.js'
import { rec, type View } from './view.js'

const CHART = `${HELM_REPO_NAME}/${CHART_NAME}`

export const chartGuide = (v: View): GuideSection =>
  section(
    'chart',
    v.version,
    'Chart',
    `Chart ${CHART} ${v.version} is installed as release ${v.release} in namespace ${v.namespace}; the gateway reports itself as ${v.serviceName}.`,
  )

/** Install, check, reach and remove the release; every command uses the same release and namespace. */
export const installGuide = (v: View): GuideSection => {
  const ns = q(v.namespace)
  const release = q(v.release)
  const deployment = q(`deployment/${v.fullname}`)
  const ls = rec(v.root.logStore)
  const hasCa = ls.type === 'mongo' && ls.tlsCa !== undefined
  const port = `${GATEWAY_PORT}:${GATEWAY_PORT}`

  const steps: GuideStep[] = [
    step(
      'install.prerequisites',
      'Check your tools and cluster',
      'You need helm 3 and kubectl pointed at the cluster the gateway should run in. If the first command lists your nodes, kubectl is talking to the right place.',
      [shell('Check access', 'kubectl get nodes', 'helm version')],
    ),
    step(
      'install.repo',
      'Add the Portkey chart repository',
      `Helm fetches the gateway chart from Portkey’s repository; update it so the pinned version is known. In an air-gapped cluster, mirror the chart and point the scripts at your copy with --chart-repo URL (or PORTKEY_CHART_REPO). Every script honours KUBECONFIG as kubectl does, and takes --context NAME (or KUBE_CONTEXT) for a kube context other than the current one; ./${SCRIPT_FILES.install} --help lists the options.`,
      [
        shell(
          'Add and update the repository',
          `helm repo add ${HELM_REPO_NAME} ${q(HELM_REPO_URL)}`,
          `helm repo update ${HELM_REPO_NAME}`,
        ),
        shell(
          'Or install from a mirror, into another context',
          `./${SCRIPT_FILES.install} --chart-repo ${q('https://charts.example.internal/portkey')} --context ${q('prod-eu')}`,
        ),
      ],
    ),
  ]
  if (hasCa)
    steps.push(
      step(
        'install.resources-config',
        'Apply the CA certificate ConfigMap',
        `The gateway mounts the Mongo CA from the ConfigMap in ${RESOURCES_CONFIG_FILE}, so it must exist before the pods start.`,
        [
          shell(
            'Create the namespace and the ConfigMap',
            `kubectl get namespace ${ns} >/dev/null 2>&1 || kubectl create namespace ${ns}`,
            `kubectl apply --namespace ${ns} -f ${RESOURCES_CONFIG_FILE}`,
          ),
        ],
      ),
    )
  steps.push(
    step(
      'install.install',
      `Install chart ${v.version}`,
      `Run it from the unzipped bundle. The version is pinned so a later chart release cannot change what you install; upgrade --install also applies later edits of ${VALUES_FILE}. ${SCRIPT_FILES.install} does the same with checks first.`,
      [
        shell(
          'Install or upgrade the release',
          `helm upgrade --install ${release} ${CHART} --version ${q(v.version)} \\`,
          `  -f ${VALUES_FILE} --namespace ${ns} --create-namespace`,
        ),
      ],
    ),
    step(
      'install.verify',
      'Wait for the gateway',
      'Every pod should reach Running. If one stays in ImagePullBackOff, check the registry credentials; if one restarts, its logs usually name the setting at fault.',
      [
        shell(
          'Watch the rollout',
          `kubectl get pods --namespace ${ns}`,
          `kubectl rollout status ${deployment} --namespace ${ns}`,
          `kubectl logs ${deployment} --namespace ${ns} --tail=50`,
        ),
      ],
    ),
    step(
      'install.port-forward',
      'Try it from your machine',
      `Forward local port ${GATEWAY_PORT} to the gateway (${SCRIPT_FILES.portForward} does the same), then call its health endpoint from a second terminal.`,
      [
        shell(
          'Forward the port (keep it running)',
          `kubectl port-forward ${deployment} --namespace ${ns} ${port}`,
        ),
        shell('Check health', `curl -fsS http://localhost:${GATEWAY_PORT}/v1/health`),
      ],
    ),
    step(
      'install.uninstall',
      'Uninstall (when you need to)',
      `Remove the release with the same name and namespace it was installed with. ${SCRIPT_FILES.uninstall} uses them too, and also deletes what the bundle made beside the chart (the CA ConfigMap, the Redis NetworkPolicy, the Secrets of create-secret.sh unless you pass --keep-secrets). A pull secret you made yourself is never touched.`,
      [shell('Uninstall the release', `helm uninstall ${release} --namespace ${ns}`)],
    ),
  )
  return section(
    'install',
    'helm',
    'Install',
    `Install release ${v.release} of ${CHART} ${v.version} into namespace ${v.namespace}, then check it answers on port ${GATEWAY_PORT}.`,
    steps,
  )
}
