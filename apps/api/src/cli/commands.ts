import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  buildBundle,
  bundleFileName,
  configJsonSchema,
  importValues,
  LATEST_CHART_VERSION,
  releaseSummaries,
  renderBundleFiles,
  ValuesParseError,
} from '@portkey-setup/schema'
import { checkCommand } from '../cli-check.js'
import { redactInputFrom } from '../redact.js'
import type { Command } from './command.js'
import { EXIT, formatIssues, UsageError, writeJson } from './io.js'
import { readText, readValidConfig } from './read-input.js'
import { upgradeCommand } from './upgrade.js'

const octal = (mode: number) => `0${(mode & 0o7777).toString(8)}`

const validate: Command = {
  name: 'validate',
  summary: 'Check a deployment config and list its problems',
  usage: 'portkey-setup validate <config.json|config.yaml> [--json]',
  options: {},
  positionals: { min: 1, max: 1 },
  run: async (ctx) => {
    const file = ctx.positionals[0]!
    const result = await readValidConfig(ctx.io, ctx.json, file)
    if (!result) return EXIT.INVALID
    if (ctx.json) {
      writeJson(ctx.io, { valid: true, warnings: result.warnings })
      return EXIT.OK
    }
    ctx.io.stdout.write(`${file} is valid.\n`)
    if (result.warnings.length > 0)
      ctx.io.stdout.write(`Warnings:\n${formatIssues(result.warnings, result.config)}`)
    return EXIT.OK
  },
}

const render: Command = {
  name: 'render',
  summary: 'Print the files of the bundle (or one of them)',
  usage: 'portkey-setup render <config> [--file <path>] [--json]',
  details: '  --file <path>   print only this file of the bundle, e.g. values.yaml',
  options: { file: { type: 'string', short: 'f' } },
  positionals: { min: 1, max: 1 },
  run: async (ctx) => {
    const config = (await readValidConfig(ctx.io, ctx.json, ctx.positionals[0]!))?.config
    if (!config) return EXIT.INVALID
    const files = renderBundleFiles(config)
    const only = ctx.values.file
    if (typeof only === 'string') {
      const file = files.find((f) => f.path === only)
      if (!file)
        throw new UsageError(
          `the bundle has no file "${only}"; it has: ${files.map((f) => f.path).join(', ')}.`,
        )
      if (ctx.json) writeJson(ctx.io, file)
      else ctx.io.stdout.write(file.content.endsWith('\n') ? file.content : `${file.content}\n`)
      return EXIT.OK
    }
    if (ctx.json) {
      writeJson(ctx.io, { files })
      return EXIT.OK
    }
    ctx.io.stdout.write(
      files
        .map(
          (f) =>
            `==> ${f.path} (mode ${octal(f.mode)}) <==\n${f.content}${f.content.endsWith('\n') ? '' : '\n'}`,
        )
        .join('\n'),
    )
    return EXIT.OK
  },
}

const bundle: Command = {
  name: 'bundle',
  summary: 'Write the bundle as a zip file',
  usage: 'portkey-setup bundle <config> [-o <out.zip>] [--json]',
  details: '  -o, --output <file>   where to write the zip (default: portkey-<release>-bundle.zip)',
  options: { output: { type: 'string', short: 'o' } },
  positionals: { min: 1, max: 1 },
  run: async (ctx) => {
    const config = (await readValidConfig(ctx.io, ctx.json, ctx.positionals[0]!))?.config
    if (!config) return EXIT.INVALID
    const out = typeof ctx.values.output === 'string' ? ctx.values.output : bundleFileName(config)
    const zip = await buildBundle(config)
    try {
      await writeFile(resolve(ctx.io.cwd, out), zip)
    } catch (e) {
      throw new UsageError(`cannot write ${out}: ${(e as { code?: string }).code ?? 'error'}.`)
    }
    const files = renderBundleFiles(config).length
    if (ctx.json) writeJson(ctx.io, { output: out, bytes: zip.byteLength, files })
    else ctx.io.stdout.write(`Wrote ${out} (${files} files, ${(zip.byteLength / 1024).toFixed(1)} KiB).\n`)
    return EXIT.OK
  },
}

const importCommand: Command = {
  name: 'import',
  summary: 'Read a values.yaml back into a (partial) deployment config',
  usage: 'portkey-setup import <values.yaml> [--json]',
  details: '  Prints the config as JSON on stdout and the warnings on stderr.',
  options: {},
  positionals: { min: 1, max: 1 },
  run: async (ctx) => {
    const file = ctx.positionals[0]!
    const text = await readText(ctx.io.cwd, file)
    let result: ReturnType<typeof importValues>
    try {
      result = importValues(text)
    } catch (e) {
      if (e instanceof ValuesParseError)
        throw new UsageError(`${file} cannot be read as a values.yaml: ${redactInputFrom(e.message, text)}`)
      throw e
    }
    if (ctx.json) {
      writeJson(ctx.io, result)
      return EXIT.OK
    }
    writeJson(ctx.io, result.config)
    if (result.warnings.length > 0)
      ctx.io.stderr.write(`Not carried over:\n${formatIssues(result.warnings, result.config)}`)
    return EXIT.OK
  },
}

const schema: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of the deployment config',
  usage: 'portkey-setup schema',
  options: {},
  positionals: { min: 0, max: 0 },
  run: async (ctx) => {
    writeJson(ctx.io, configJsonSchema())
    return EXIT.OK
  },
}

const charts: Command = {
  name: 'charts',
  summary: 'List the released chart versions, newest first, with what each lacks',
  usage: 'portkey-setup charts [--json]',
  options: {},
  positionals: { min: 0, max: 0 },
  run: async (ctx) => {
    const releases = releaseSummaries()
    if (ctx.json) {
      writeJson(ctx.io, { latest: LATEST_CHART_VERSION, releases })
      return EXIT.OK
    }
    for (const r of releases)
      ctx.io.stdout.write(
        `${r.version}  ${r.date}  gateway ${r.gatewayImageTag}${r.version === LATEST_CHART_VERSION ? '  (newest, default)' : ''}\n${r.lacks.map((l) => `    lacks: ${l}\n`).join('')}`,
      )
    return EXIT.OK
  },
}

const serve: Command = {
  name: 'serve',
  summary: 'Start the API and the wizard (same as npm start, without the build)',
  usage: 'portkey-setup serve [--host <address>] [--port <number>]',
  details:
    '  --host, --port override HOST and PORT. Every other setting comes from the environment:\n  API_TOKENS, CORS_ORIGINS, TRUST_PROXY, RATE_LIMIT_MAX, RATE_LIMIT_WINDOW_MS, LOG_LEVEL, CHECKS_*.',
  options: { host: { type: 'string' }, port: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run: async (ctx) => {
    // Loaded lazily: the other commands should not pay for Fastify and its plugins.
    const { startServer } = await import('../server.js')
    const env = { ...ctx.io.env }
    if (typeof ctx.values.host === 'string') env.HOST = ctx.values.host
    if (typeof ctx.values.port === 'string') env.PORT = ctx.values.port
    const app = await startServer({ env, out: ctx.io.stdout, err: ctx.io.stderr })
    return app ? EXIT.OK : EXIT.INVALID
  },
}

export const commands: Command[] = [
  validate,
  render,
  bundle,
  importCommand,
  upgradeCommand,
  checkCommand,
  schema,
  charts,
  serve,
]
