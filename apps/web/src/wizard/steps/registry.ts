import type { SectionId } from '@portkey-setup/schema'
import { SECTION_IDS } from '@portkey-setup/schema'
import { lazy } from 'react'
import { REVIEW, type StepDef, type StepId, type StepMeta } from '../step-types'
import { ChartStep } from './chart-step'

export type { StepDef, StepId, StepMeta } from '../step-types'

// The first step ships with the initial bundle; the others load on demand (and are prefetched when idle).
const loaders = {
  registry: () => import('./registry-step').then((m) => ({ default: m.RegistryStep })),
  logStore: () => import('./log-store-step').then((m) => ({ default: m.LogStoreStep })),
  analytics: () => import('./analytics-step').then((m) => ({ default: m.AnalyticsStep })),
  cache: () => import('./cache-step').then((m) => ({ default: m.CacheStep })),
  sync: () => import('./sync-step').then((m) => ({ default: m.SyncStep })),
  bedrock: () => import('./bedrock-step').then((m) => ({ default: m.BedrockStep })),
  dataService: () => import('./data-service-step').then((m) => ({ default: m.DataServiceStep })),
  kubernetes: () => import('./kubernetes-step').then((m) => ({ default: m.KubernetesStep })),
  exposure: () => import('./exposure-step').then((m) => ({ default: m.ExposureStep })),
  secrets: () => import('./secrets-step').then((m) => ({ default: m.SecretsStep })),
}

/** Every section of the config has exactly one step: a section without one fails typecheck here. */
const SECTION_STEPS = {
  chart: {
    title: 'Cluster & chart',
    intro: 'Which gateway chart to install, into which namespace, under which release name.',
    fields: ['chart', 'gateway'],
    Component: ChartStep,
  },
  registry: {
    title: 'Image registry',
    intro: 'The Portkey images are private: tell the cluster how to pull them, and from where.',
    fields: ['registry', 'images'],
    Component: lazy(loaders.registry),
  },
  logStore: {
    title: 'Log store',
    intro: 'Where the gateway keeps request and response logs.',
    fields: ['logStore'],
    Component: lazy(loaders.logStore),
  },
  analytics: {
    title: 'Analytics',
    intro: 'Where analytics are kept, and whether to push them to OpenTelemetry too.',
    fields: ['analytics', 'otel'],
    Component: lazy(loaders.analytics),
  },
  cache: {
    title: 'Cache',
    intro: 'The Redis the gateway caches in, and an optional semantic cache in Milvus.',
    fields: ['cache', 'semanticCache'],
    Component: lazy(loaders.cache),
  },
  sync: {
    title: 'Sync',
    intro: 'The key and organisations that connect this gateway to the Portkey control plane.',
    fields: ['sync'],
    Component: lazy(loaders.sync),
  },
  bedrock: {
    title: 'Bedrock',
    intro: 'Optional: Amazon Bedrock access through an IAM role.',
    fields: ['bedrock'],
    optional: true,
    Component: lazy(loaders.bedrock),
  },
  dataService: {
    title: 'Data service',
    intro: 'Optional: the data service for finetuning and log exports.',
    fields: ['dataService'],
    optional: true,
    Component: lazy(loaders.dataService),
  },
  kubernetes: {
    title: 'Kubernetes',
    intro: 'Optional: resources, replicas or autoscaling, scheduling and pod settings.',
    fields: ['kubernetes'],
    optional: true,
    Component: lazy(loaders.kubernetes),
  },
  exposure: {
    title: 'Exposure',
    intro: 'How clients reach the gateway: its Service type, and an optional Ingress.',
    fields: ['exposure'],
    Component: lazy(loaders.exposure),
  },
  secrets: {
    title: 'Secrets delivery',
    intro: 'How passwords and keys reach the gateway.',
    fields: ['secrets'],
    Component: lazy(loaders.secrets),
  },
} satisfies Record<SectionId, Omit<StepDef, 'id'>>

/** The registry: one step per section, in the schema's order. */
export const STEP_REGISTRY: readonly StepDef[] = SECTION_IDS.map((id) => ({ id, ...SECTION_STEPS[id] }))

export const sectionStep = (id: SectionId): StepDef => STEP_REGISTRY.find((s) => s.id === id) as StepDef

/** The flow the stepper lists and ?step= names: every registered step, then Review, which ends it. */
export const STEPS: readonly StepMeta[] = [...STEP_REGISTRY, REVIEW]

export const STEP_IDS: readonly StepId[] = STEPS.map((s) => s.id)

/** Loads every step's code in the background once the first step is on screen. */
export const prefetchSteps = () => {
  for (const load of Object.values(loaders)) void load().catch(() => undefined)
}
