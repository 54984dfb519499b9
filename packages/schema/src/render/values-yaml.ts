import type { YAMLMap } from 'yaml'
import { Scalar } from 'yaml'
import { supports } from '../chart/capabilities.js'
import { IRSA_ANNOTATION } from '../chart/facts.js'
import { type DeploymentConfig, existingSecretName, REGISTRY_SECRET_NAME } from '../config/index.js'
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
import { type EnvData, envData, extraEnvInData, vaultSecretName } from './env-data.js'
import { mergeKept } from './kept.js'
import { ingressEntries, serviceEntries } from './values/exposure.js'
import { identityServiceAccountComment } from './values/identity.js'
import { imageEntries } from './values/images.js'
import {
  dataServiceRuntime,
  gatewayPodIdentity,
  gatewayRuntimeEntries,
  serviceAccountMap,
} from './values/kubernetes.js'
import { storeEntries } from './values/stores.js'
import { volumeEntries } from './values/volumes.js'
import { bool, documentText, type Entry, entry, map, seq, str } from './yaml-doc.js'

/**
 * Pull secrets. Before 1.7.0 the chart gives pods only the names in imageCredentials (its
 * imagePullSecrets value is never read), so a secret made elsewhere is listed there with
 * create: false. From 1.7.0 it merges imagePullSecrets and imageCredentials. The password is
 * written only when secrets are inline.
 */
const registryEntries = (c: DeploymentConfig): Entry[] => {
  const r = c.registry
  const comment = registryChoice(c)
  const namesOnlyFromCredentials = !supports(c.chart.version, 'pullSecretNames')
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
    return namesOnlyFromCredentials
      ? [entry('imagePullSecrets', seq(str(REGISTRY_SECRET_NAME)), comment), entry('imageCredentials', creds)]
      : [entry('imageCredentials', creds, comment)]
  }
  const name = r.mode === 'existing' ? r.secretName : REGISTRY_SECRET_NAME
  if (namesOnlyFromCredentials)
    return [
      entry('imagePullSecrets', seq(str(name)), comment),
      entry(
        'imageCredentials',
        seq(map(entry('name', str(name)), entry('create', bool(false)))),
        `Chart ${c.chart.version} takes the pods\u2019 pull secrets from these names only; create: false means "use, do not create".`,
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
  before(
    ['VECTOR_STORE'],
    'Semantic cache: Milvus, with the embeddings endpoint it asks \u2014 chosen in portkey-setup',
  )
  before(['PORTKEY_CLIENT_AUTH', 'ORGANISATIONS_TO_SYNC'], syncChoice())
  before(['FINETUNES_BUCKET'], dataServiceChoice())
  before(
    Object.keys(extraEnvInData(c)),
    'Extra variables from the Kubernetes step (here rather than extraEnv, which the chart misindents).',
  )
  return out
}

const dataMap = (c: DeploymentConfig, { data, keptDefaults, removed }: EnvData): YAMLMap => {
  const ours = Object.keys(data).filter((k) => !removed.includes(k) && !keptDefaults.includes(k))
  const comments = envComments(c, ours)
  const value = (k: string) => {
    const v = data[k]
    return v === null || v === undefined ? new Scalar(null) : str(v)
  }
  /** A run of keys under one comment. */
  const group = (keys: string[], lines: string[]) =>
    keys.map((k, i) => entry(k, value(k), i === 0 ? lines : undefined, i === 0))
  return map(
    ...ours.map((k) => entry(k, value(k), comments[k], k in comments)),
    ...group(
      keptDefaults.filter((k) => k in data),
      [
        'Keys of the chart\u2019s defaults this setup does not use. A values file cannot remove a default',
        'that is empty, so they are set empty here (with an existing Secret the chart would write "<nil>").',
      ],
    ),
    ...group(removed, [
      'Keys of the chart\u2019s defaults this setup does not use: null removes them from the pod\u2019s env.',
    ]),
  )
}

const EMPTY_AS_NULL = [
  'An empty value is written as null: the chart stores it as an empty string that survives',
  'helm upgrade (an empty string here would become a YAML null the next upgrade deletes).',
]

const environmentEntries = (c: DeploymentConfig): Entry[] => {
  const env = envData(c)
  const { secretKeys } = env
  const s = c.secrets
  const existing = existingSecretName(s)
  if (existing)
    return [
      entry(
        'environment',
        map(
          entry('create', bool(false), [
            'create: false is what makes the chart read existingSecret; with true it would build its',
            'own Secret from data and the secret keys would be missing.',
          ]),
          entry('secret', bool(true)),
          entry('existingSecret', str(existing)),
          entry('secretKeys', seq(...secretKeys.map(str)), 'These keys come from that Secret:'),
          entry('data', dataMap(c, env), 'Every other key is passed to the gateway as written here.'),
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
      dataMap(c, env),
      s.mode === 'vault'
        ? [
            `With Vault injection the chart reads every key below from the Kubernetes Secret "${vaultSecretName(c)}",`,
            `which your Vault setup fills from ${s.secretPath}; README.md lists every key it must hold.`,
            'The values written here are not used by the pod: keep every key below in Vault.',
            `Secret keys, left empty here: ${secretKeys.join(', ')}.`,
          ]
        : ['Every value is a string; the chart stores them base64-encoded in a Secret.', ...EMPTY_AS_NULL],
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
          s.kubernetesSecret ? entry('kubernetesSecret', str(s.kubernetesSecret)) : undefined,
        ),
      ),
      entry('environment', environment),
    ]
  return [entry('environment', environment, secretsChoice(c), true)]
}

/** The gateway runs under a service account of its own (1.7.7 requires one); IRSA and workload identity annotate it. */
const serviceAccountEntries = (c: DeploymentConfig): Entry[] => {
  const comment =
    identityServiceAccountComment(c) ??
    'Service account: one of the release\u2019s own, so the gateway does not run as the namespace default.'
  return [
    entry(
      'serviceAccount',
      serviceAccountMap(c, gatewayPodIdentity(c).serviceAccountAnnotations),
      comment,
      true,
    ),
  ]
}

const dataServiceEntries = (c: DeploymentConfig): Entry[] => {
  const d = c.dataService
  if (!d.enabled) return []
  const runtime = dataServiceRuntime(c)
  const irsa = gatewayPodIdentity(c).irsaRole
  return [
    entry(
      'dataservice',
      map(
        entry('enabled', bool(true)),
        entry(
          'serviceAccount',
          map(
            entry('create', bool(true)),
            irsa !== undefined && entry('annotations', map(entry(IRSA_ANNOTATION, str(irsa)))),
          ),
          'A service account of its own here too; with IRSA it gets the same role.',
        ),
        runtime.deployment.length > 0 && entry('deployment', map(...runtime.deployment)),
        runtime.autoscaling,
      ),
      [dataServiceChoice(), 'It reads FINETUNES_BUCKET and the other keys from environment.data above.'],
      true,
    ),
  ]
}

const header = (c: DeploymentConfig): string[] => [
  'values.yaml for the Portkey AI gateway, written by portkey-setup.',
  `Chart:     portkey-ai/gateway ${c.chart.version}`,
  `Release:   ${c.chart.releaseName}`,
  `Namespace: ${c.chart.namespace}`,
  'Helm merges these settings over the chart\u2019s own defaults; anything not listed keeps its default.',
  'Text values are double-quoted so Helm (YAML 1.1) keeps them strings.',
  ...(c.secrets.mode === 'inline' ? ['This file holds secrets: keep it out of version control.'] : []),
]

/** values.yaml for the chosen chart version; the same config always gives the same text. */
export const renderValuesYaml = (config: DeploymentConfig): string => {
  const entries: Entry[] = [
    ...registryEntries(config),
    ...imageEntries(config),
    ...environmentEntries(config),
    ...serviceAccountEntries(config),
    ...gatewayRuntimeEntries(config),
    ...serviceEntries(config),
    ...volumeEntries(config),
    ...ingressEntries(config),
    ...dataServiceEntries(config),
    ...storeEntries(config),
  ]
  const root = map(...entries)
  if (config.keptValues) mergeKept(root, config.keptValues)
  return documentText(root, header(config))
}
