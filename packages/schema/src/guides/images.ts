import { IMAGE_PATHS } from '../chart/images.js'
import { CHART_VERSIONS } from '../chart/releases.js'
import { ImagesSchema, imageRegistry, resolveImages } from '../config/images.js'
import { RegistrySchema } from '../config/registry.js'
import { q, shell, step } from './blocks.js'
import type { GuideStep } from './types.js'
import { rec, type View } from './view.js'

/**
 * With an image registry of your own: copy each image the pods will pull into it, at the tags the
 * chosen chart deploys. Nothing to do when the images come from Docker Hub.
 */
export const mirrorSteps = (v: View): GuideStep[] => {
  const images = ImagesSchema.safeParse(v.root.images)
  const registry = RegistrySchema.safeParse(v.root.registry)
  if (!images.success || !registry.success) return []
  const version = CHART_VERSIONS.includes(v.version) ? v.version : (CHART_VERSIONS[0] as string)
  const c = { chart: { version }, images: images.data, registry: registry.data }
  const host = imageRegistry(c)
  const resolved = resolveImages(c)
  const moved = Object.values(resolved).filter((i) => i.changed && !i.repository.startsWith('docker.io/'))
  if (!host && !moved.length) return []
  const cache = rec(v.root.cache).store
  const wanted = moved.filter((i) => i.id !== 'dataService' || rec(v.root.dataService).enabled === true)
  const list = wanted.filter((i) => i.id !== 'redis' || cache === 'redis' || cache === undefined)
  if (!list.length) return []
  return [
    step(
      'registry.mirror',
      'Copy the images into your registry',
      `The pods pull ${list.map((i) => `${i.repository}:${i.tag}`).join(', ')}. Copy each from Docker Hub (log in to both registries first; the Portkey images need the Docker login Portkey shared). crane or skopeo copy every platform of an image; docker pull, tag and push work too.`,
      [
        shell(
          'Copy with crane',
          ...list.map((i) => {
            const source = `docker.io/${i.id === 'redis' ? 'library/redis' : IMAGE_PATHS[i.id]}`
            return `crane copy ${q(`${source}:${i.tag}`)} ${q(`${i.repository}:${i.tag}`)}`
          }),
        ),
      ],
    ),
  ]
}
