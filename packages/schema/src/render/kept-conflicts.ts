import type { DeploymentConfig } from '../config/index.js'
import { isOwnVolume } from '../import/identity.js'
import { isOwnedPath, keptPaths, NAMED_LISTS } from './owned-values.js'

type Issue = { path: (string | number)[]; code: string; message: string }

/**
 * Kept settings that would set a key the wizard writes: refused at keptValues, so the wizard's
 * choice is the one that counts and nothing is written twice.
 */
export const keptConflicts = (c: DeploymentConfig): Issue[] => {
  const kept = c.keptValues
  if (!kept) return []
  const issues: Issue[] = keptPaths(kept)
    .filter((p) => isOwnedPath(p))
    .map((p) => ({
      path: ['keptValues', ...p],
      code: 'custom',
      message: `${p.join('.')} is set by the wizard's own choices, so it cannot be kept as written: remove it from the kept settings and set it in the wizard.`,
    }))
  for (const list of NAMED_LISTS) {
    const items = kept[list]
    if (Array.isArray(items) && items.some((i) => typeof i === 'object' && i !== null && isOwnVolume(i)))
      issues.push({
        path: ['keptValues', list],
        code: 'custom',
        message: `${list} has an entry of the wizard's own (the Mongo CA mount or the Secrets Store CSI volume): rename it or remove it from the kept settings.`,
      })
  }
  return issues
}
