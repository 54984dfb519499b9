import type { ParseArgsConfig } from 'node:util'
import type { Io } from './io.js'

export type CommandContext = {
  positionals: string[]
  values: Record<string, string | boolean | undefined>
  json: boolean
  io: Io
}

/** One subcommand. The table below is the registry: a new command (e.g. check) is one more entry. */
export type Command = {
  name: string
  summary: string
  usage: string
  /** Extra lines for --help. */
  details?: string
  options: NonNullable<ParseArgsConfig['options']>
  positionals: { min: number; max: number }
  run: (ctx: CommandContext) => Promise<number>
}
