import { supports } from '../../chart/capabilities.js'
import { IMAGE_KEYS, type ImageId } from '../../chart/images.js'
import { type DeploymentConfig, imageRegistry, resolveImages } from '../../config/index.js'
import { type Entry, entry, map, str } from '../yaml-doc.js'

/**
 * images: written only for an image that differs from the chart's own, so a config that keeps the
 * chart's images renders no images key at all. Before 1.1.3 the chart has no Redis image to set.
 */
export const imageEntries = (c: DeploymentConfig): Entry[] => {
  const images = resolveImages(c)
  const ids = (Object.keys(IMAGE_KEYS) as ImageId[]).filter(
    (id) => images[id].changed && (id !== 'redis' || supports(c.chart.version, 'redisImage')),
  )
  if (!ids.length) return []
  const host = imageRegistry(c)
  return [
    entry(
      'images',
      map(
        ...ids.map((id) => {
          const i = images[id]
          return entry(
            IMAGE_KEYS[id],
            map(
              entry('repository', str(i.repository)),
              entry('tag', str(i.tag)),
              entry('pullPolicy', str(i.pullPolicy)),
            ),
          )
        }),
      ),
      [
        host
          ? `Images: pulled from ${host}, which must serve the same repositories as Docker Hub.`
          : 'Images: the repositories, tags and pull policies chosen in the Image registry step.',
        'An image not listed here is the chart\u2019s own, at the tag of this chart version.',
      ],
      true,
    ),
  ]
}
