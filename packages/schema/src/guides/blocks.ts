import { shellQuote } from '../render/shell.js'
import type { GuideBlock, GuideSection, GuideSectionId, GuideStep } from './types.js'

/** Every user value and placeholder enters a command through this: one single-quoted shell word. */
export const q = shellQuote

/** A shell block; lines ending in a backslash continue the command. */
export const shell = (label: string, ...lines: string[]): GuideBlock => ({
  kind: 'shell',
  label,
  content: lines.join('\n'),
})

/** A JSON document, pretty-printed the way the bundle's iam/*.json files are. */
export const json = (label: string, doc: unknown): GuideBlock => ({
  kind: 'json',
  label,
  content: JSON.stringify(doc, null, 2),
})

export const yaml = (label: string, ...lines: string[]): GuideBlock => ({
  kind: 'yaml',
  label,
  content: lines.join('\n'),
})

export const text = (label: string, ...lines: string[]): GuideBlock => ({
  kind: 'text',
  label,
  content: lines.join('\n'),
})

type Link = { label: string; url: string }

export const step = (
  id: string,
  title: string,
  body: string,
  blocks: GuideBlock[] = [],
  links?: Link[],
): GuideStep => (links ? { id, title, body, blocks, links } : { id, title, body, blocks })

export const section = (
  id: GuideSectionId,
  choice: string,
  title: string,
  summary: string,
  steps: GuideStep[] = [],
): GuideSection => ({ section: id, choice, title, summary, steps })

/** Runs a throwaway pod in the gateway namespace, so a check sees the network the gateway sees. */
export const inClusterRun = (namespace: string, name: string, image: string, args: string[], tty = false) =>
  `kubectl run ${q(name)} --namespace ${q(namespace)} --rm ${tty ? '-it' : '-i'} --restart=Never --image=${q(image)} -- ${args.join(' ')}`
