import { fieldTitle } from '@portkey-setup/schema'
import { runChecks } from './checks/catalog.js'
import type { RunOptions } from './checks/runner/run.js'
import { CHECK_TARGETS, type CheckResult, type CheckTarget } from './checks/runner/types.js'
import type { Command } from './cli/command.js'
import { EXIT, type Io, UsageError, writeJson } from './cli/io.js'
import { readText, readValidConfig } from './cli/read-input.js'
import { parseSettings } from './config.js'

/**
 * `portkey-setup check <config> [--target …] [--json]`: the API's connectivity checks from the
 * command line, under the same CHECKS_* network policy (environment variables). Exit 0 when
 * nothing fails (skipped and warn included), 1 when a check fails or the config is invalid.
 */

const parseTargets = (raw: string | boolean | string[] | undefined): CheckTarget[] | undefined => {
  if (raw === undefined || typeof raw === 'boolean') return undefined
  const items = (Array.isArray(raw) ? raw : [raw]).flatMap((s) => s.split(',')).map((s) => s.trim())
  const unknown = items.filter((t) => !(CHECK_TARGETS as readonly string[]).includes(t))
  if (unknown.length)
    throw new UsageError(`unknown target "${unknown[0]}". Targets: ${CHECK_TARGETS.join(', ')}.`)
  return items as CheckTarget[]
}

/** Only the CHECKS_* variables matter here (HOST and API_TOKENS are the server's business). */
export const checkOptionsFromEnv = async (io: Io): Promise<RunOptions> => {
  // CHECKS_CA_FILE is read here, relative to the CLI's working directory, not the process's.
  const { CHECKS_CA_FILE: caFile, ...env } = Object.fromEntries(
    Object.entries(io.env).filter(([k]) => k.startsWith('CHECKS_')),
  )
  const r = parseSettings(env)
  if (!r.ok) throw new UsageError(r.errors.join(' '))
  const extraCa = caFile ? [await readText(io.cwd, caFile)] : undefined
  return {
    policy: r.settings.checks,
    timeoutMs: r.settings.checks.timeoutMs,
    env: { endpointOverrides: r.settings.checks.endpointOverrides, extraCa },
  }
}

const MARK: Record<CheckResult['status'], string> = {
  pass: 'ok  ',
  warn: 'warn',
  fail: 'FAIL',
  skipped: 'skip',
}

export const formatResult = (r: CheckResult): string => {
  const lines = [`${MARK[r.status]}  ${r.target} (${r.kind}) ${r.durationMs} ms`]
  for (const s of r.steps)
    lines.push(
      `      ${s.status.padEnd(7)} ${s.name}${s.status === 'skipped' ? '' : ` ${s.durationMs} ms`}${s.detail ? `: ${s.detail}` : ''}`,
    )
  if (r.error) {
    lines.push(`      ${r.error.code}: ${r.error.message}`)
    lines.push(`      fix: ${r.error.hint}${r.error.field ? ` [${fieldTitle(r.error.field)}]` : ''}`)
  }
  return `${lines.join('\n')}\n`
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'Test connectivity to every backend the config names',
  usage: 'portkey-setup check <config> [--target <name> ...] [--json]',
  details: `  -t, --target <name>   check only these (repeat or comma-separate): ${CHECK_TARGETS.join(', ')}
  The network policy comes from CHECKS_ALLOW_LOOPBACK, CHECKS_DENY_PRIVATE, CHECKS_ALLOW_CIDRS,
  CHECKS_DENY_CIDRS and CHECKS_TIMEOUT_MS; CHECKS_CA_FILE adds trusted CA certificates.
  Exit 1 when a check fails.`,
  options: { target: { type: 'string', short: 't', multiple: true } },
  positionals: { min: 1, max: 1 },
  run: async (ctx) => {
    const file = ctx.positionals[0]!
    const targets = parseTargets(ctx.values.target as string | string[] | undefined)
    const opts = await checkOptionsFromEnv(ctx.io)
    const result = await readValidConfig(ctx.io, ctx.json, file)
    if (!result) return EXIT.INVALID
    const results = await runChecks(result.config, targets, opts, (r) => {
      if (!ctx.json) ctx.io.stdout.write(formatResult(r))
    })
    const failed = results.filter((r) => r.status === 'fail').length
    if (ctx.json) writeJson(ctx.io, { results })
    else
      ctx.io.stdout.write(
        failed
          ? `${failed} of ${results.length} checks failed.\n`
          : `All ${results.length} checks passed or were skipped.\n`,
      )
    return failed ? EXIT.INVALID : EXIT.OK
  },
}
