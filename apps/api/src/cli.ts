import { parseArgs } from 'node:util'
import type { Command } from './cli/command.js'
import { commands } from './cli/commands.js'
import { EXIT, type Io, UsageError } from './cli/io.js'
import { VERSION } from './version.js'

/**
 * portkey-setup: the deployment config on the command line. Exit codes: 0 success, 1 invalid
 * config, 2 usage error (unknown command or flag, missing or unparseable file), 3 unexpected failure.
 */

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

const mainHelp = () => {
  const width = Math.max(...commands.map((c) => c.name.length))
  return `portkey-setup ${VERSION}: set up the Portkey AI gateway on Kubernetes

Usage: portkey-setup <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  --json         machine-readable output on stdout
  -h, --help     help for a command: portkey-setup <command> --help
  -v, --version  print the version

Exit codes: 0 success, 1 invalid config, 2 usage error, 3 unexpected failure.
`
}

const commandHelp = (c: Command) =>
  `${c.summary}.\n\nUsage: ${c.usage}\n${c.details ? `\n${c.details}\n` : ''}`

const defaultIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
})

const usageFailure = (io: Io, json: boolean, message: string, command?: string) => {
  if (json) io.stdout.write(`${JSON.stringify({ error: { code: 'USAGE', message } })}\n`)
  else
    io.stderr.write(
      `portkey-setup: ${message}\nRun "portkey-setup ${command ? `${command} ` : ''}--help" for usage.\n`,
    )
  return EXIT.USAGE
}

/** Runs one command line and returns the exit code; never throws. */
export const main = async (argv: string[], io: Io = defaultIo()): Promise<number> => {
  const json = argv.includes('--json')
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? commands.find((c) => c.name === rest[0]) : undefined
    // Without any command it is a usage error: help goes to stderr and the exit code says so.
    if (first === undefined) {
      io.stderr.write(mainHelp())
      return EXIT.USAGE
    }
    io.stdout.write(topic ? commandHelp(topic) : mainHelp())
    return EXIT.OK
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${VERSION}\n`)
    return EXIT.OK
  }
  const command = commands.find((c) => c.name === first)
  if (!command)
    return usageFailure(
      io,
      json,
      `unknown command "${first}". Commands: ${commands.map((c) => c.name).join(', ')}.`,
    )

  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    })
  } catch (e) {
    return usageFailure(io, json, (e as Error).message.split('\n')[0] ?? 'bad arguments', command.name)
  }
  if (parsed.values.help) {
    io.stdout.write(commandHelp(command))
    return EXIT.OK
  }
  const { min, max } = command.positionals
  const n = parsed.positionals.length
  if (n < min || n > max)
    return usageFailure(
      io,
      json,
      n < min
        ? `${command.name} needs ${min === 1 ? 'a file' : `${min} arguments`}.`
        : `unexpected argument "${parsed.positionals[max]}".`,
      command.name,
    )

  try {
    return await command.run({
      positionals: parsed.positionals,
      values: parsed.values as Record<string, string | boolean | undefined>,
      json,
      io,
    })
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, json, e.message, command.name)
    // Unexpected: say so without the message, which may quote the config.
    io.stderr.write(
      `portkey-setup: ${command.name} failed unexpectedly (${(e as Error)?.name ?? 'error'}). Please report it.\n`,
    )
    return EXIT.FAILED
  }
}

/** Entry point for bin/portkey-setup.js. */
export const run = async () => {
  process.exitCode = await main(process.argv.slice(2))
}
