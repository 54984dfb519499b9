import type { YAMLMap } from 'yaml'
import { Scalar } from 'yaml'
import { chartLayout, compareVersions, type DeploymentConfig, REGISTRY_SECRET_NAME } from '../config/index.js'
import { isSecretEnvKey, SHARED_MOUNT_DIR, toEnvironment } from '../env.js'
import {
  CA_VOLUME_NAME,
  CHART_NAME,
  chartDefaultEnvKeys,
  IRSA_ANNOTATION,
  SECRET_KEYS_MIN_CHART,
} from './chart-defaults.js'
import {
  analyticsChoice,
  bedrockChoice,
  cacheChoice,
  dataServiceChoice,
  logStoreChoice,
  otelChoice,
  registryChoice,
  secretsChoice,
  syncChoice,
} from './choices.js'
import { caConfigMapName } from './resources-config.js'
import { bool, documentText, type Entry, entry, map, seq, str } from './yaml-doc.js'

type Layout = ReturnType<typeof chartLayout>

const irsaRoleArn = (c: DeploymentConfig) =>
  c.logStore.type === 's3_assume' && c.logStore.auth.method === 'irsa' ? c.logStore.auth.roleArn : undefined

/**
 * Pull secrets. Chart 1.0.7 gives pods only the names in imageCredentials (its imagePullSecrets value
 * is never read), so a secret made elsewhere is listed there with create: false. Chart 1.7.7 merges
 * imagePullSecrets and imageCredentials. The password is written only when secrets are inline.
 */
const registryEntries = (c: DeploymentConfig, layout: Layout): Entry[] => {
  const r = c.registry
  const comment = registryChoice(c)
  if (r.mode === 'create' && c.secrets.mode === 'inline') {
    const creds = seq(
      map(
        entry('name', str(REGISTRY_SECRET_NAME)),
        entry('create', bool(true)),
        entry('registry', str(r.server)),
        entry('username', str(r.username)),
        entry('password', str(r.password)),
        entry('email', str(r.email ?? '')),
      ),
    )
    return layout === '1.0.7'
      ? [entry('imagePullSecrets', seq(str(REGISTRY_SECRET_NAME)), comment), entry('imageCredentials', creds)]
      : [entry('imageCredentials', creds, comment)]
  }
  const name = r.mode === 'existing' ? r.secretName : REGISTRY_SECRET_NAME
  if (layout === '1.0.7')
    return [
      entry('imagePullSecrets', seq(str(name)), comment),
      entry(
        'imageCredentials',
        seq(map(entry('name', str(name)), entry('create', bool(false)))),
        'Chart 1.0.7 takes the pods\u2019 pull secrets from these names only; create: false means "use, do not create".',
      ),
    ]
  return [
    entry('imagePullSecrets', seq(map(entry('name', str(name)))), comment),
    entry(
      'imageCredentials',
      seq(),
      'Empty, so the chart does not create a pull secret from the placeholder credentials of its defaults.',
    ),
  ]
}

/** Comments before the first env key of each choice, so the data block reads as the wizard's steps. */
const envComments = (c: DeploymentConfig, keys: string[]): Record<string, string[]> => {
  const out: Record<string, string[]> = {}
  const before = (candidates: string[], ...lines: string[]) => {
    const k = candidates.find((x) => keys.includes(x))
    if (k) out[k] = [...(out[k] ?? []), ...lines]
  }
  before(['SERVICE_NAME'], 'Gateway: the service name it reports; PORT stays 8787.')
  before(['LOG_STORE'], logStoreChoice(c))
  before(
    ['MONGO_GENERATIONS_HOOKS_COLLECTION_NAME'],
    'Same collection under the spelling of the chart\u2019s values file (GENERATIONS_); the README',
    'spells it GENERATION_. Both are set so the gateway finds it under either name.',
  )
  before(
    ['AWS_ASSUME_ROLE_ACCESS_KEY_ID', 'AWS_ASSUME_ROLE_SECRET_ACCESS_KEY', 'AWS_ASSUME_ROLE_REGION'],
    bedrockChoice(),
  )
  before(['ANALYTICS_STORE'], analyticsChoice(c))
  before(['OTEL_PUSH_ENABLED'], otelChoice())
  before(['CACHE_STORE'], cacheChoice(c))
  before(['PORTKEY_CLIENT_AUTH', 'ORGANISATIONS_TO_SYNC'], syncChoice())
  before(['FINETUNES_BUCKET'], dataServiceChoice())
  return out
}

/** environment.data for the secrets mode: all values inline, or secrets left to a Secret or Vault. */
const envData = (c: DeploymentConfig, layout: Layout) => {
  const env = toEnvironment(c)
  const data: Record<string, string | null> = {}
  const secretKeys: string[] = []
  // Chart 1.3.0 finds secret keys by looking them up in the Secret, so they must be listed in data;
  // from 1.3.1 secretKeys names them and data must not.
  const listSecretKeys =
    c.secrets.mode === 'vault' ||
    (c.secrets.mode === 'existingSecret' && compareVersions(c.chart.version, SECRET_KEYS_MIN_CHART) < 0)
  for (const [k, v] of Object.entries(env)) {
    if (c.secrets.mode === 'inline' || !isSecretEnvKey(k)) data[k] = v
    else {
      secretKeys.push(k)
      if (listSecretKeys) data[k] = ''
    }
  }
  // With Vault the pod asks the Secret for every key in data, including the chart's own defaults that
  // Helm merges in; null removes those the chosen path does not use.
  if (c.secrets.mode === 'vault')
    for (const k of chartDefaultEnvKeys(layout)) if (!(k in data)) data[k] = null
  return { data, secretKeys: secretKeys.sort() }
}

const dataMap = (c: DeploymentConfig, data: Record<string, string | null>): YAMLMap => {
  const used = Object.keys(data).filter((k) => data[k] !== null)
  const removed = Object.keys(data).filter((k) => data[k] === null)
  const comments = envComments(c, used)
  return map(
    ...used.map((k) => entry(k, str(data[k] ?? ''), comments[k], k in comments)),
    ...removed.map((k, i) =>
      entry(
        k,
        new Scalar(null),
        i === 0
          ? [
              'Keys of the chart\u2019s defaults this setup does not use: null removes them, so the pod',
              'does not ask the Secret for them.',
            ]
          : undefined,
        i === 0,
      ),
    ),
  )
}

const environmentEntries = (c: DeploymentConfig, layout: Layout): Entry[] => {
  const { data, secretKeys } = envData(c, layout)
  const s = c.secrets
  if (s.mode === 'existingSecret')
    return [
      entry(
        'environment',
        map(
          entry('create', bool(false), [
            'create: false is what makes the chart read existingSecret; with true it would build its',
            'own Secret from data and the secret keys would be missing.',
          ]),
          entry('secret', bool(true)),
          entry('existingSecret', str(s.secretName)),
          entry('secretKeys', seq(...secretKeys.map(str)), 'These keys come from that Secret:'),
          entry('data', dataMap(c, data), 'Every other key is passed to the gateway as written here.'),
        ),
        secretsChoice(c),
        true,
      ),
    ]
  const environment = map(
    entry('create', bool(true)),
    entry('secret', bool(true)),
    entry(
      'data',
      dataMap(c, data),
      s.mode === 'vault'
        ? [
            `With Vault injection the chart reads every key below from the Kubernetes Secret "${CHART_NAME}"`,
            `(vaultConfig.kubernetesSecret on newer charts), which your Vault setup fills from ${s.secretPath}.`,
            'The values written here are not used by the pod: keep every key below in Vault.',
            `Secret keys, left empty here: ${secretKeys.join(', ')}.`,
          ]
        : 'Every value is a string; the chart stores them base64-encoded in a Secret.',
    ),
  )
  if (s.mode === 'vault')
    return [
      entry('useVaultInjection', bool(true), secretsChoice(c), true),
      entry(
        'vaultConfig',
        map(
          entry('vaultHost', str(s.host)),
          entry('secretPath', str(s.secretPath)),
          entry('role', str(s.role)),
        ),
      ),
      entry('environment', environment),
    ]
  return [entry('environment', environment, secretsChoice(c), true)]
}

const annotations = (roleArn: string | undefined): Entry | undefined =>
  roleArn ? entry('annotations', map(entry(IRSA_ANNOTATION, str(roleArn)))) : undefined

/** Chart 1.7.7 fails when serviceAccount.create is false without a name; IRSA needs the annotation. */
const serviceAccountEntries = (c: DeploymentConfig, layout: Layout): Entry[] => {
  const role = irsaRoleArn(c)
  if (!role && layout === '1.0.7') return []
  const comment = role
    ? [
        `${logStoreChoice(c)}.`,
        'The README leaves this annotation out, but IRSA does not work without it: EKS hands the',
        'role named here to the pods of this service account.',
      ]
    : 'Service account: chart 1.7.7 stops with an error when create is false and no name is given.'
  return [entry('serviceAccount', map(entry('create', bool(true)), annotations(role)), comment, true)]
}

const caEntries = (c: DeploymentConfig): Entry[] => {
  const ls = c.logStore
  if (ls.type !== 'mongo' || !ls.tlsCa) return []
  const file = ls.tlsCa.fileName
  return [
    entry(
      'volumes',
      seq(
        map(
          entry('name', str(CA_VOLUME_NAME)),
          entry('configMap', map(entry('name', str(caConfigMapName(c))))),
        ),
      ),
      [
        `Mongo CA: the ConfigMap from resources-config.yaml, mounted where tlsCAFile in the URL points.`,
        `${logStoreChoice(c)}.`,
      ],
      true,
    ),
    entry(
      'volumeMounts',
      seq(
        map(
          entry('name', str(CA_VOLUME_NAME)),
          entry('mountPath', str(`${SHARED_MOUNT_DIR}/${file}`)),
          entry('subPath', str(file)),
        ),
      ),
    ),
  ]
}

const dataServiceEntries = (c: DeploymentConfig): Entry[] => {
  const d = c.dataService
  if (!d.enabled) return []
  return [
    entry(
      'dataservice',
      map(
        entry('enabled', bool(true)),
        entry('finetuneBucket', str(d.finetunesBucket)),
        d.logExportsBucket !== undefined && entry('logexportsBucket', str(d.logExportsBucket)),
        entry(
          'serviceAccount',
          map(entry('create', bool(true)), annotations(irsaRoleArn(c))),
          'Chart 1.7.7 needs a name or create: true here too; with IRSA it gets the same role.',
        ),
      ),
      [dataServiceChoice(), 'FINETUNES_BUCKET and friends are in environment.data above.'],
      true,
    ),
  ]
}

const header = (c: DeploymentConfig, layout: Layout): string[] => [
  'values.yaml for the Portkey AI gateway, written by portkey-setup.',
  `Chart:     portkey-ai/gateway ${c.chart.version}`,
  `Release:   ${c.chart.releaseName}`,
  `Namespace: ${c.chart.namespace}`,
  ...(layout === c.chart.version
    ? []
    : [`Layout:    that of chart ${layout}, the closest one portkey-setup knows`]),
  'Helm merges these settings over the chart\u2019s own defaults; anything not listed keeps its default.',
  'Text values are double-quoted so Helm (YAML 1.1) keeps them strings.',
  ...(c.secrets.mode === 'inline' ? ['This file holds secrets: keep it out of version control.'] : []),
]

/** values.yaml for the chosen chart version; the same config always gives the same text. */
export const renderValuesYaml = (config: DeploymentConfig): string => {
  const layout = chartLayout(config.chart.version)
  const entries: Entry[] = [
    ...registryEntries(config, layout),
    ...environmentEntries(config, layout),
    ...serviceAccountEntries(config, layout),
    ...caEntries(config),
    ...dataServiceEntries(config),
  ]
  return documentText(map(...entries), header(config, layout))
}
