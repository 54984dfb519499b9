import {
  chartImageDefaults,
  DOCKER_HUB_HOST,
  IMAGE_KEYS,
  IMAGE_PATHS,
  type ImageId,
} from '../chart/images.js'
import { registryServerHost } from '../config/images.js'
import { type ImportContext, type Loose, own, ownObject } from './reader.js'

const text = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined

/**
 * images.* back into the Image registry step: a repository that is the chart's path under another
 * host becomes the image registry (when every such image agrees on it), a tag equal to the release's
 * own is left empty, so the chart's tag follows a later version change.
 */
export const readImages = (ctx: ImportContext, version: string, registry: unknown): Loose | undefined => {
  const images = ownObject(ctx.root, 'images')
  if (!images) return undefined
  const defaults = chartImageDefaults(version)
  const read = (Object.keys(IMAGE_KEYS) as ImageId[]).map((id) => {
    const v = ownObject(images, IMAGE_KEYS[id])
    return {
      id,
      repository: text(own(v, 'repository')),
      tag: text(own(v, 'tag')),
      pullPolicy: text(own(v, 'pullPolicy')),
    }
  })
  const hostOf = (id: ImageId, repo: string | undefined) => {
    const suffix = `/${IMAGE_PATHS[id]}`
    if (!repo || repo === defaults[id].repository || !repo.endsWith(suffix)) return undefined
    const host = repo.slice(0, -suffix.length)
    return host === DOCKER_HUB_HOST ? undefined : host
  }
  // A mirror only when every repository that is not the chart's own is the chart's path under one host.
  const moved = read.filter((r) => r.repository && r.repository !== defaults[r.id].repository)
  const hosts = new Set(moved.map((r) => hostOf(r.id, r.repository)))
  const mirror = hosts.size === 1 ? [...hosts][0] : undefined
  const server = own(registry, 'mode') === 'create' ? text(own(registry, 'server')) : undefined
  const implied = server ? registryServerHost(server) : undefined
  const out: Loose = {}
  if (mirror && mirror !== implied) out.registry = mirror
  for (const r of read) {
    const d = defaults[r.id]
    const viaHost = mirror ?? implied
    const expected = viaHost ? `${viaHost}/${IMAGE_PATHS[r.id]}` : d.repository
    out[r.id] = {
      repository: r.repository && r.repository !== expected ? r.repository : undefined,
      tag: r.tag && r.tag !== d.tag ? r.tag : undefined,
      pullPolicy: r.pullPolicy ?? d.pullPolicy,
    }
  }
  return out
}
