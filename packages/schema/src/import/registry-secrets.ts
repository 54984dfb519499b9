import { isPlaceholder } from '../chart/facts.js'
import { REGISTRY_SECRET_NAME } from '../config/index.js'
import { readSecretsManager } from './identity.js'
import {
  fieldText,
  type ImportContext,
  isObject,
  isTrue,
  type Loose,
  own,
  ownArray,
  ownObject,
} from './reader.js'

/** Chart, release and namespace from the header portkey-setup writes at the top of values.yaml. */
export const readHeader = (text: string): Loose | undefined => {
  const header: string[] = []
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) break
    header.push(line)
  }
  const field = (label: string) =>
    header
      .map((l) => new RegExp(`^\\s*#\\s*${label}:(.*)$`).exec(l)?.[1]?.trim())
      .find((v) => v !== undefined && v !== '')
  const out: Loose = {}
  const version = /^(?:portkey-ai\/gateway\s+)?(\d+\.\d+\.\d+)$/.exec(field('Chart') ?? '')?.[1]
  if (version) out.version = version
  const release = field('Release')
  if (release) out.releaseName = release
  const namespace = field('Namespace')
  if (namespace) out.namespace = namespace
  return Object.keys(out).length ? out : undefined
}

/** How secrets reach the gateway: Vault injection, an existing Secret, or inline values. Read first. */
export const readSecrets = (ctx: ImportContext, release?: unknown): Loose => {
  const root = ctx.root
  if (isTrue(own(root, 'useVaultInjection'))) {
    ctx.mode = 'vault'
    const vc = ownObject(root, 'vaultConfig')
    if (!vc)
      ctx.warn(['secrets'], 'useVaultInjection is on but vaultConfig is missing: enter the Vault settings.')
    const ks = own(vc, 'kubernetesSecret')
    return {
      mode: 'vault',
      host: fieldText(ctx, own(vc, 'vaultHost'), ['secrets', 'host'], 'vaultConfig.vaultHost'),
      secretPath: fieldText(ctx, own(vc, 'secretPath'), ['secrets', 'secretPath'], 'vaultConfig.secretPath'),
      role: fieldText(ctx, own(vc, 'role'), ['secrets', 'role'], 'vaultConfig.role'),
      kubernetesSecret:
        ks === undefined || ks === null || ks === ''
          ? undefined
          : fieldText(ctx, ks, ['secrets', 'kubernetesSecret'], 'vaultConfig.kubernetesSecret', false),
    }
  }
  const env = ownObject(root, 'environment')
  const existing = own(env, 'existingSecret')
  if (typeof existing === 'string' && existing.trim() !== '') {
    const sm = readSecretsManager(ctx, existing, release)
    ctx.mode = sm ? 'awsSecretsManager' : 'existingSecret'
    ctx.secretName = existing
    for (const k of ownArray(env, 'secretKeys') ?? [])
      if (typeof k === 'string' && k !== '') ctx.secretKeys.add(k)
      else ctx.warn(['secrets'], 'An entry of environment.secretKeys is not a key name; it was ignored.')
    if (isTrue(own(env, 'create')))
      ctx.warn(
        ['secrets', 'mode'],
        'environment.create is true, so the chart ignores existingSecret and builds its own Secret from data; portkey-setup writes create: false.',
      )
    if (ctx.secretKeys.size === 0)
      ctx.warn(
        ['secrets', 'mode'],
        'environment.secretKeys is empty, so the chart looks every key up in the Secret; portkey-setup lists the secret keys itself.',
      )
    return sm ?? { mode: 'existingSecret', secretName: existing }
  }
  if (env && own(env, 'create') === false)
    ctx.warn(
      ['secrets', 'mode'],
      'environment.create is false and no existingSecret is named, so the chart gives the gateway no settings; portkey-setup writes them inline.',
    )
  return { mode: 'inline' }
}

const nameOf = (v: unknown): string | undefined => {
  const n = typeof v === 'string' ? v : own(v, 'name')
  return typeof n === 'string' && n.trim() !== '' ? n : undefined
}

/** registry from imageCredentials (the chart creates the secret) or imagePullSecrets (it exists). */
export const readRegistry = (ctx: ImportContext): Loose | undefined => {
  const root = ctx.root
  for (const key of ['imageCredentials', 'imagePullSecrets'])
    if (own(root, key) !== undefined && own(root, key) !== null && !Array.isArray(own(root, key)))
      ctx.warn(['registry'], `${key} must be a list; it was ignored.`)
  const creds = (ownArray(root, 'imageCredentials') ?? []).filter(isObject)
  const pulls = (ownArray(root, 'imagePullSecrets') ?? []).map(nameOf)
  const created = creds.filter((c) => isTrue(own(c, 'create')))
  const referenced = creds.filter((c) => !isTrue(own(c, 'create'))).map(nameOf)
  const names = [...new Set([...pulls, ...referenced].filter((n): n is string => n !== undefined))]

  const first = created[0]
  if (first) {
    const name = nameOf(first)
    if (created.length > 1)
      ctx.warn(
        ['registry'],
        `imageCredentials creates ${created.length} pull secrets; only ${name ?? 'the first'} is carried over.`,
      )
    if (name !== REGISTRY_SECRET_NAME)
      ctx.warn(
        ['registry'],
        `The pull secret is named ${name ?? '(no name)'}; portkey-setup always names it ${REGISTRY_SECRET_NAME}.`,
      )
    const others = names.filter((n) => n !== name)
    if (others.length)
      ctx.warn(['registry'], `The extra pull secrets ${others.join(', ')} are not carried over.`)
    const auth = own(first, 'auth')
    if (typeof auth === 'string' && auth.trim() !== '')
      ctx.warn(
        ['registry', 'password'],
        'imageCredentials uses an auth token; portkey-setup needs the user name and password instead: enter them.',
      )
    const email = fieldText(ctx, own(first, 'email'), ['registry', 'email'], 'The registry email', false)
    return {
      mode: 'create',
      server: fieldText(ctx, own(first, 'registry'), ['registry', 'server'], 'The registry server', false),
      username: fieldText(ctx, own(first, 'username'), ['registry', 'username'], 'The registry user name'),
      password: fieldText(ctx, own(first, 'password'), ['registry', 'password'], 'The registry password'),
      ...(email === undefined ? {} : { email }),
    }
  }
  const name = names[0]
  if (name === undefined) {
    ctx.warn(['registry'], 'No image pull secret is named: choose how the cluster pulls the Portkey images.')
    return undefined
  }
  if (names.length > 1)
    ctx.warn(
      ['registry', 'secretName'],
      `Several pull secrets are named (${names.join(', ')}); only ${name} is carried over.`,
    )
  if (isPlaceholder(name)) {
    ctx.warn(
      ['registry', 'secretName'],
      `The pull secret name is the placeholder ${name}: enter the real name.`,
    )
    return { mode: 'existing' }
  }
  if (name === REGISTRY_SECRET_NAME && ctx.mode !== 'inline') {
    // portkey-setup's own pattern: create-secret.sh makes this secret from the credentials.
    ctx.warn(
      ['registry', 'username'],
      'The registry credentials live in the pull secret scripts/create-secret.sh makes, not in values.yaml: enter the user name and password again.',
    )
    return { mode: 'create' }
  }
  return { mode: 'existing', secretName: name }
}
