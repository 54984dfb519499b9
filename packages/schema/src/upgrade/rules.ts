import { type CapabilityId, CHART_CAPABILITIES, supports } from '../chart/capabilities.js'
import { CHART_VERSIONS, compareVersions } from '../chart/releases.js'
import type { DeploymentConfig } from '../config/index.js'
import { parseConfig } from '../validate.js'
import type { UpgradeChange } from './types.js'

/** One change of the chart's layout, at the release that made it; silent for a config it does not concern. */
export type UpgradeRule = { at: string; id: string; changes: (config: DeploymentConfig) => UpgradeChange[] }

const change = (at: string, c: Omit<UpgradeChange, 'at'>): UpgradeChange => ({ at, ...c })
const usesIngress = (c: DeploymentConfig) => c.exposure.ingress.enabled

export const UPGRADE_RULES: UpgradeRule[] = [
  {
    at: '1.0.5',
    id: 'ingress-hostname',
    changes: (c) =>
      usesIngress(c)
        ? [
            change('1.0.5', {
              kind: 'moved',
              title:
                'The Ingress takes one host name and a class name of its own key instead of a list of hosts.',
              chartKeys: [
                { from: 'ingress.hosts', to: 'ingress.hostname' },
                { from: 'ingress.className', to: 'ingress.ingressClassName' },
              ],
              path: ['exposure', 'ingress'],
            }),
          ]
        : [],
  },
  {
    at: '1.1.3',
    id: 'redis-image',
    changes: (c) =>
      c.cache.store === 'redis'
        ? [
            change('1.1.3', {
              kind: 'moved',
              title:
                'The in-cluster Redis gets an image setting of its own, so a registry mirror applies to it too.',
              chartKeys: [{ from: 'redis (fixed image)', to: 'images.redisImage' }],
            }),
          ]
        : [],
  },
  {
    at: '1.1.5',
    id: 'existing-secret-lookup',
    changes: (c) =>
      c.secrets.mode === 'inline'
        ? []
        : [
            change('1.1.5', {
              kind: 'moved',
              title:
                'Keys missing from an existing Secret now fall back to the values in environment.data instead of failing the pod.',
            }),
          ],
  },
  {
    at: '1.3.1',
    id: 'secret-keys',
    changes: (c) =>
      c.secrets.mode === 'existingSecret'
        ? [
            change('1.3.1', {
              kind: 'moved',
              title:
                'The Secret keys the gateway reads are listed in environment.secretKeys; the bundle writes the list.',
              chartKeys: [{ from: 'environment.data', to: 'environment.secretKeys' }],
              path: ['secrets', 'mode'],
            }),
          ]
        : [],
  },
  {
    at: '1.7.0',
    id: 'image-pull-secrets',
    changes: (c) => {
      const name = c.registry.mode === 'existing' ? c.registry.secretName : undefined
      return [
        change('1.7.0', {
          kind: 'recreate-secret',
          title:
            'Pods take their pull secret from imagePullSecrets; before 1.7.0 the chart read imageCredentials.',
          chartKeys: [{ from: 'imageCredentials', to: 'imagePullSecrets' }],
          ...(name
            ? {
                action: `Keep the Secret ${name} in the namespace as a kubernetes.io/dockerconfigjson Secret: the pods now name it directly.`,
              }
            : {
                action:
                  'Run scripts/create-secret.sh of the new bundle (or re-enter the registry login in the wizard) so the pull secret exists before upgrading.',
              }),
          path: ['registry'],
        }),
        change('1.7.0', {
          kind: 'gained',
          title:
            'envFrom and extraEnv let the gateway read more variables from your own Secrets and ConfigMaps.',
          path: ['kubernetes', 'extraEnv'],
        }),
      ]
    },
  },
  {
    at: '1.7.7',
    id: 'service-account-required',
    changes: () => [
      change('1.7.7', {
        kind: 'required',
        title: 'A service account is required: the chart stops with an error when none is created or named.',
        chartKeys: [
          {
            from: 'serviceAccount.name (default "default")',
            to: 'serviceAccount.create or serviceAccount.name',
          },
        ],
      }),
    ],
  },
]

/** The versions in (from, to]. */
const between = (from: string, to: string) =>
  CHART_VERSIONS.filter((v) => compareVersions(v, from) > 0 && compareVersions(v, to) <= 0).reverse()

/**
 * Options gained or lost on the way: a capability this config's option needs that the target
 * refuses, or one the source lacked and the target has. Each is found by asking the validator the
 * same question at both versions, so the list cannot drift from what the bundle refuses.
 */
export const capabilityChanges = (config: DeploymentConfig, from: string, to: string): UpgradeChange[] => {
  const out: UpgradeChange[] = []
  const atTo = parseConfig({ ...config, chart: { ...config.chart, version: to } })
  if (!atTo.valid)
    for (const issue of atTo.issues)
      out.push({ at: to, kind: 'lost', title: issue.message, path: issue.path })
  for (const id of Object.keys(CHART_CAPABILITIES) as CapabilityId[]) {
    if (supports(from, id) || !supports(to, id)) continue
    const since = between(from, to).find((v) => supports(v, id))
    if (since) out.push({ at: since, kind: 'gained', title: CHART_CAPABILITIES[id].title })
  }
  return out
}
