import { CHECK_READS, type CheckTarget, DeploymentConfigSchema } from '@portkey-setup/schema'
import type { Issue } from './schemas'

/**
 * Valid stand-ins for sections the user has not reached yet. The API validates the whole config before
 * checking, so testing the registry on step 2 would otherwise fail on the empty log store. None of them
 * holds a secret, and no check reads a section it does not target.
 */
const STAND_INS: Record<string, unknown> = {
  registry: { mode: 'existing', secretName: 'not-yet-configured' },
  logStore: {
    type: 's3_assume',
    region: 'us-east-1',
    bucket: 'not-yet-configured',
    auth: { method: 'imds', imdsV1: false },
  },
  sync: { clientAuth: 'not-yet-configured', organisations: ['not-yet-configured'] },
}

export type CheckConfig = { ok: true; config: unknown } | { ok: false; issues: Issue[] }

const issuesOf = (error: { issues: { path: PropertyKey[]; code: string; message: string }[] }): Issue[] =>
  error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    code: i.code,
    message: i.message,
  }))

/** The config to send for these targets, or the issues in the sections they need. */
export const configForCheck = (values: unknown, targets: readonly CheckTarget[]): CheckConfig => {
  // The config sections each check reads; everything else is irrelevant to it.
  const needed = new Set<string>(targets.flatMap((t) => CHECK_READS[t]))
  let candidate: Record<string, unknown> = { ...(values as Record<string, unknown>) }
  // Cross-section rules run only once every section parses, so a stand-in can reveal a new issue: retry a few times.
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = DeploymentConfigSchema.safeParse(candidate)
    if (parsed.success) return { ok: true, config: parsed.data }
    const sections = parsed.error.issues.map((i) => String(i.path[0] ?? ''))
    const blocking = parsed.error.issues.filter(
      (_issue, n) => needed.has(sections[n] ?? '') || sections[n] === '',
    )
    if (blocking.length > 0) return { ok: false, issues: issuesOf({ issues: blocking }) }
    candidate = { ...candidate }
    for (const section of new Set(sections)) {
      if (section in STAND_INS) candidate[section] = STAND_INS[section]
      else delete candidate[section] // the schema's default applies
    }
  }
  const last = DeploymentConfigSchema.safeParse(candidate)
  return last.success ? { ok: true, config: last.data } : { ok: false, issues: issuesOf(last.error) }
}
