import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  buildBundle,
  bundleFileName,
  CHART_VERSIONS,
  HELM_REPO_URL,
  ValuesParseError,
} from '@portkey-setup/schema'
import { diffManifests, findHelm, type ManifestChange, renderRelease } from '../upgrade/manifest-diff.js'
import { planUpgrade, type UpgradePlan, VersionUnknown } from '../upgrade/plan.js'
import type { Command } from './command.js'
import { EXIT, formatIssues, type Io, UsageError, writeJson } from './io.js'

const readInput = async (io: Io, file: string): Promise<Uint8Array> => {
  try {
    return new Uint8Array(await readFile(resolve(io.cwd, file)))
  } catch (e) {
    const code = (e as { code?: string }).code
    throw new UsageError(
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}.`,
    )
  }
}

const version = (v: unknown, flag: string): string | undefined => {
  if (v === undefined) return undefined
  if (typeof v !== 'string' || !CHART_VERSIONS.includes(v))
    throw new UsageError(
      `${flag} ${String(v)} is not a released chart version: \`portkey-setup charts\` lists them.`,
    )
  return v
}

const manifests = async (io: Io, plan: UpgradePlan, repo: string): Promise<ManifestChange[]> => {
  const helm = await findHelm(io.env)
  if (!helm)
    throw new UsageError(
      '--manifests needs helm on PATH (or HELM_BIN): install helm 3, or leave --manifests out.',
    )
  const src = { helm, repo }
  const side = (version: string, values: string) =>
    renderRelease(src, {
      release: plan.config.chart.releaseName,
      namespace: plan.config.chart.namespace,
      version,
      values,
    })
  try {
    return diffManifests(
      await side(plan.from, plan.currentValues),
      await side(plan.to, plan.valuesYaml ?? ''),
    )
  } catch (e) {
    const first = String((e as { stderr?: string }).stderr ?? (e as Error).message)
      .trim()
      .split('\n')[0]
    throw new UsageError(`helm template failed: ${first}`)
  }
}

const text = (plan: UpgradePlan, out: string | undefined, diff: ManifestChange[] | undefined) => {
  const lines = [`Upgrade from chart ${plan.from} to ${plan.to}.`, '']
  lines.push(plan.changes.length ? 'What changes:' : 'Nothing between these releases concerns this config.')
  for (const c of plan.changes) {
    lines.push(`  ${c.at}  [${c.kind}] ${c.title}`)
    if (c.action) lines.push(`         -> ${c.action}`)
  }
  if (plan.valuesDiff.length) {
    lines.push('', 'values.yaml:')
    for (const d of plan.valuesDiff)
      lines.push(
        d.change === 'changed'
          ? `  ~ ${d.path}: ${d.before} -> ${d.after}`
          : `  ${d.change === 'added' ? '+' : '-'} ${d.path}: ${d.after ?? d.before}`,
      )
  }
  if (diff) {
    lines.push('', diff.length ? 'Rendered objects:' : 'The rendered objects do not change.')
    for (const m of diff)
      lines.push(`  ${m.change} ${m.object}${m.details.length ? `: ${m.details.join('; ')}` : ''}`)
  } else
    lines.push(
      '',
      'For the rendered-manifest diff, add --manifests (needs helm), or run scripts/upgrade.sh --diff from the new bundle.',
    )
  if (out) lines.push('', `Wrote ${out}. Next: unzip it and run scripts/upgrade.sh.`)
  return `${lines.join('\n')}\n`
}

export const upgradeCommand: Command = {
  name: 'upgrade',
  summary: 'Move what runs today to a later chart: the change list, the diffs and the new bundle',
  usage:
    'portkey-setup upgrade <values.yaml|export|bundle.zip> [--to <version>] [--from <version>] [-o <out.zip>] [--manifests] [--chart-repo <url>] [--json]',
  details: [
    '  The input: a values.yaml, `helm get values` output, the file scripts/export-values.sh wrote, or a bundle zip.',
    '  --to <version>      target chart release (default: the newest)',
    '  --from <version>    the chart version that runs, when the input does not say it',
    '  -o, --output <file> where to write the upgraded bundle (default: portkey-<release>-bundle.zip)',
    '  --manifests         also diff the rendered objects of both sides with `helm template`',
    '  --chart-repo <url>  chart repository for --manifests (default: PORTKEY_CHART_REPO, else the public one)',
  ].join('\n'),
  options: {
    to: { type: 'string' },
    from: { type: 'string' },
    output: { type: 'string', short: 'o' },
    manifests: { type: 'boolean' },
    'chart-repo': { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  run: async (ctx) => {
    const file = ctx.positionals[0]!
    const input = await readInput(ctx.io, file)
    let plan: UpgradePlan
    try {
      plan = await planUpgrade({
        input,
        from: version(ctx.values.from, '--from'),
        to: version(ctx.values.to, '--to'),
      })
    } catch (e) {
      if (e instanceof VersionUnknown) throw new UsageError(`${e.message} Pass it as --from <version>.`)
      if (e instanceof ValuesParseError)
        throw new UsageError(`${file} cannot be read: ${e.message.split('\n')[0]}`)
      throw e
    }
    const { currentValues: _, valuesYaml: __, ...shown } = plan
    if (plan.problems.length) {
      if (ctx.json) writeJson(ctx.io, { ...shown, output: null })
      else
        ctx.io.stderr.write(
          `${text(plan, undefined, undefined)}\nThe upgrade cannot be written yet:\n${formatIssues(plan.problems, plan.config)}`,
        )
      return EXIT.INVALID
    }
    const repo = String(ctx.values['chart-repo'] ?? ctx.io.env.PORTKEY_CHART_REPO ?? HELM_REPO_URL)
    const diff = ctx.values.manifests ? await manifests(ctx.io, plan, repo) : undefined
    const out = typeof ctx.values.output === 'string' ? ctx.values.output : bundleFileName(plan.config)
    try {
      await writeFile(resolve(ctx.io.cwd, out), await buildBundle(plan.config))
    } catch (e) {
      throw new UsageError(`cannot write ${out}: ${(e as { code?: string }).code ?? 'error'}.`)
    }
    if (ctx.json) writeJson(ctx.io, { ...shown, output: out, ...(diff ? { manifestDiff: diff } : {}) })
    else ctx.io.stdout.write(text(plan, out, diff))
    return EXIT.OK
  },
}
