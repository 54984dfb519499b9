import { stripSecrets } from '@portkey-setup/schema'

/** The draft lives in this browser only, and never holds a secret (stripSecrets runs on every save). */
export const DRAFT_KEY = 'portkey-setup:draft:v1'

export type Draft = { savedAt: string; values: unknown }

const storage = (): Storage | undefined => {
  try {
    return window.localStorage
  } catch {
    // Storage can be disabled (privacy settings, sandboxed frames); the wizard still works without drafts.
    return undefined
  }
}

export const saveDraft = (values: unknown, now = new Date()): Draft | undefined => {
  const draft: Draft = { savedAt: now.toISOString(), values: stripSecrets(values) }
  try {
    storage()?.setItem(DRAFT_KEY, JSON.stringify(draft))
    return draft
  } catch {
    return undefined
  }
}

export const loadDraft = (): Draft | undefined => {
  const raw = storage()?.getItem(DRAFT_KEY)
  if (!raw) return undefined
  try {
    const parsed: unknown = JSON.parse(raw)
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as Draft).savedAt === 'string' &&
      typeof (parsed as Draft).values === 'object' &&
      (parsed as Draft).values !== null
    ) {
      // Strip again: a draft written by an older build must not bring a secret back into the form.
      return { savedAt: (parsed as Draft).savedAt, values: stripSecrets((parsed as Draft).values) }
    }
  } catch {
    // A corrupt draft is dropped rather than breaking the wizard.
  }
  storage()?.removeItem(DRAFT_KEY)
  return undefined
}

export const clearDraft = () => storage()?.removeItem(DRAFT_KEY)
