import type { DeploymentConfig } from '../config/index.js'
import { stripSecrets } from '../secret-fields.js'

/**
 * The in-cluster preflight: what the bundle's Job (render/preflight) and the runner built from the
 * API's check code (apps/api/src/preflight) agree on. The Job mounts one ConfigMap at
 * PREFLIGHT_MOUNT; its loader unpacks the brotli-compressed runner into the PREFLIGHT_SCRATCH
 * emptyDir (the root filesystem is read-only) and imports it.
 */
export const PREFLIGHT_DIR = 'preflight'
export const PREFLIGHT_MOUNT = '/preflight'
export const PREFLIGHT_SCRATCH = '/tmp'
/** ConfigMap keys: the loader and the plan under data, the runner under binaryData. */
export const PREFLIGHT_KEYS = { loader: 'start.mjs', runner: 'runner.mjs.br', plan: 'plan.json' } as const
/** Where the Job mounts the image pull secret (when the pods use one), for the registry check. */
export const PREFLIGHT_REGISTRY_AUTH_FILE = '/preflight-registry/.dockerconfigjson'

/** before-install: the backends, identity, DNS and egress. after-install: also what the chart runs. */
export const PREFLIGHT_PHASES = ['before-install', 'after-install'] as const
export type PreflightPhase = (typeof PREFLIGHT_PHASES)[number]

/** Env the Job sets on top of the gateway's own env. */
export const PREFLIGHT_ENV = {
  plan: 'PREFLIGHT_PLAN',
  phase: 'PREFLIGHT_PHASE',
  registryAuth: 'PREFLIGHT_REGISTRY_AUTH',
} as const

/** The runner as the API's build makes it (apps/api/dist/preflight-runner.json). */
export type PreflightRunnerAsset = {
  /** Small ESM source for PREFLIGHT_KEYS.loader. */
  loader: string
  /** The bundled runner, brotli-compressed, base64: PREFLIGHT_KEYS.runner. */
  brotliBase64: string
  /** sha256 (hex) of the uncompressed runner, shown in the bundle README. */
  sha256: string
  /** Uncompressed size in bytes. */
  bytes: number
}

/**
 * What the runner cannot read from the gateway's env: the config with every secret removed.
 * The secrets come from the pod's env, exactly as the gateway gets them.
 */
export type PreflightPlan = { version: 1; config: DeploymentConfig }

export const preflightPlan = (config: DeploymentConfig): PreflightPlan => ({
  version: 1,
  config: stripSecrets(config),
})
