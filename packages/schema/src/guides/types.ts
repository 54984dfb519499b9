import type { SectionId } from '../config/index.js'

export type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T

/** A block the user copies: a shell command, a JSON document or a YAML snippet, values filled in. */
export type GuideBlock = { kind: 'shell' | 'json' | 'yaml' | 'text'; label: string; content: string }

/** One thing to do, in order. */
export type GuideStep = {
  id: string
  title: string
  body: string
  blocks: GuideBlock[]
  links?: { label: string; url: string }[]
}

/** The bucket an s3_assume method's steps grant access to, and the step that creates it. */
export type AssumeTarget = { bucket: string; region: string; bucketStep: GuideStep }

/** Where a guide section belongs: a wizard section, or the final install that follows them all. */
export type GuideSectionId = SectionId | 'install'

/** The steps for one section's chosen option (e.g. logStore / s3_assume + irsa). */
export type GuideSection = {
  section: GuideSectionId
  choice: string
  title: string
  summary: string
  steps: GuideStep[]
}

/**
 * The whole guide for a config: every section with a one-line summary; only choices that need
 * work outside portkey-setup carry steps.
 */
export type Guide = { sections: GuideSection[] }
