import { collectSecretValues } from '@portkey-setup/schema'

/**
 * Every secret of the config, plus the forms it can take inside a message: the password of
 * secret URLs (raw and percent-decoded), and percent-encoded values.
 */
export const secretVariants = (config: unknown): string[] => {
  const out = new Set<string>()
  for (const value of collectSecretValues(config)) {
    out.add(value)
    out.add(encodeURIComponent(value))
    try {
      // The password inside a secret URL is a secret on its own; the user name is not (and is
      // often an everyday word that must not be blotted out of every message).
      const u = new URL(value)
      for (const part of [u.password]) {
        if (!part) continue
        out.add(part)
        try {
          out.add(decodeURIComponent(part))
        } catch {
          // a malformed escape stays as typed
        }
      }
    } catch {
      // not a URL
    }
  }
  // Very short values would shred ordinary words; no secret field accepts fewer than 3 characters of meaning.
  return [...out].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length)
}

const REDACTED = '[redacted]'

const cache = new WeakMap<object, string[]>()

/**
 * Returns a function that removes every secret variant from a text. The variants are computed
 * once per config object: the checks of one request share it.
 */
export const scrubber = (config: unknown): ((text: string) => string) => {
  let secrets = config && typeof config === 'object' ? cache.get(config) : undefined
  if (!secrets) {
    secrets = secretVariants(config)
    if (config && typeof config === 'object') cache.set(config, secrets)
  }
  const list = secrets
  return (text) => {
    let t = text
    for (const s of list) if (t.includes(s)) t = t.split(s).join(REDACTED)
    return t
  }
}
