import { type CheckTarget, checkPlan, type DeploymentConfig } from '@portkey-setup/schema'
import type { StepId } from '../step-types'

export const TARGET_LABEL: Record<CheckTarget, string> = {
  registry: 'Image registry',
  logStore: 'Log store',
  analytics: 'ClickHouse analytics',
  otel: 'OTEL endpoint',
  cache: 'Cache',
  bedrock: 'Bedrock role',
  dataService: 'Finetunes bucket',
}

export const TARGET_STEP: Record<CheckTarget, StepId> = {
  registry: 'registry',
  logStore: 'logStore',
  analytics: 'analytics',
  otel: 'analytics',
  cache: 'cache',
  bedrock: 'bedrock',
  dataService: 'dataService',
}

/** The checks that apply to this config: optional parts only when they are turned on. */
export const checkTargetsFor = (c: DeploymentConfig): CheckTarget[] =>
  checkPlan(c)
    .filter((p) => p.applies)
    .map((p) => p.target)
