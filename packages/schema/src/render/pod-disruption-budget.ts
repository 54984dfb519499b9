import { Scalar } from 'yaml'
import type { DeploymentConfig } from '../config/index.js'
import { selectorNode } from './values/kubernetes.js'
import { documentText, entry, manifest, map } from './yaml-doc.js'

export const PDB_PATH = 'pod-disruption-budget.yaml'

export const pdbName = (c: DeploymentConfig) => `${c.chart.releaseName}-gateway`

/** The fewest gateway pods that run: the replica count, or the autoscaler's minimum. */
export const minGatewayPods = (c: DeploymentConfig): number =>
  c.kubernetes.scaling.mode === 'replicas' ? c.kubernetes.scaling.replicas : c.kubernetes.scaling.minReplicas

/**
 * No chart version has a PodDisruptionBudget. With more than one gateway pod the bundle adds one,
 * so a node drain or cluster upgrade evicts them one at a time and the gateway stays up. Null with
 * a single pod: a budget there would block every drain.
 */
export const renderPodDisruptionBudget = (c: DeploymentConfig): string | null => {
  if (minGatewayPods(c) < 2) return null
  return documentText(
    manifest(
      'policy/v1',
      'PodDisruptionBudget',
      pdbName(c),
      c.chart.namespace,
      entry('spec', map(entry('maxUnavailable', new Scalar(1)), entry('selector', selectorNode(c)))),
    ),
    [
      `PodDisruptionBudget for the gateway of release ${c.chart.releaseName}, written by portkey-setup.`,
      'Voluntary evictions (node drains, cluster upgrades) take at most one gateway pod at a time.',
      'It selects the pods by the labels the chart gives them; the data service pods, which share',
      'two of those labels, carry app.kubernetes.io/component and are left out.',
      'install.sh applies it after the chart; uninstall.sh deletes it.',
    ],
  )
}
