import { z } from 'zod'
import {
  chartImageDefaults,
  DEFAULT_PULL_POLICY,
  DOCKER_HUB_HOST,
  IMAGE_PATHS,
  type ImageId,
  type ImageRef,
} from '../chart/images.js'
import { choice, doc, ident } from './fields.js'
import { DEFAULT_REGISTRY_SERVER, type Registry } from './registry.js'

/**
 * Where the pods pull their images from. The rule, in one place (resolveImages):
 * - a repository typed for an image is used as written;
 * - otherwise the chart's repository with its docker.io host replaced by the image registry,
 *   which is `images.registry` when set, else the registry server of the pull secret when that is
 *   not Docker Hub, else docker.io (the chart's own, written nowhere);
 * - an empty tag is the tag the chosen chart release deploys.
 */

/** host[:port] with an optional path prefix, e.g. registry.acme.internal:5000/dockerhub. */
const REGISTRY_HOST =
  /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/
const COMPONENT = '[a-z0-9]+([._-]+[a-z0-9]+)*'
/** An image repository as docker and containerd accept it, with or without a registry host. */
const REPOSITORY = new RegExp(
  `^([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?/)?${COMPONENT}(/${COMPONENT})*$`,
)
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

const imageSchema = (what: string, example: string) =>
  z
    .strictObject({
      repository: ident(
        `${what} repository`,
        REPOSITORY,
        'use registry-host[:port]/path in lowercase, e.g. registry.acme.internal/portkeyai/gateway_enterprise.',
        255,
      )
        .optional()
        .meta(
          doc(`Leave empty to pull the chart’s ${what.toLowerCase()} image through the image mirror above.`, {
            placeholder: example,
          }),
        ),
      tag: ident(
        `${what} tag`,
        TAG,
        'use up to 128 letters, digits, _ . and -, not starting with . or -.',
        128,
      )
        .optional()
        .meta(doc('Leave empty for the tag the chosen chart version deploys.')),
      pullPolicy: choice(`${what} pull policy`, ['IfNotPresent', 'Always', 'Never'], {
        IfNotPresent: { title: 'IfNotPresent (default)', when: 'Pull only when the node lacks the image.' },
        Always: { title: 'Always', when: 'Check the registry on every pod start (mutable tags).' },
        Never: { title: 'Never', when: 'Air-gapped nodes with the image preloaded.' },
      })
        .default(DEFAULT_PULL_POLICY as 'IfNotPresent')
        .meta(doc('When the kubelet pulls the image.')),
    })
    .default({ pullPolicy: 'IfNotPresent' })
    .meta({ title: `${what} image` })

export const ImagesSchema = z
  .strictObject({
    registry: ident(
      'Image mirror',
      REGISTRY_HOST,
      'use host[:port] with an optional path, e.g. registry.acme.internal:5000/dockerhub (no https://).',
      255,
    )
      .optional()
      .meta(
        doc(
          'A mirror that serves the Docker Hub images: each repository’s docker.io is replaced by it. Empty: the registry server above when it is not Docker Hub, else docker.io.',
          { placeholder: 'registry.acme.internal:5000' },
        ),
      ),
    gateway: imageSchema('Gateway', 'registry.acme.internal/portkeyai/gateway_enterprise'),
    dataService: imageSchema('Data service', 'registry.acme.internal/portkeyai/data-service'),
    redis: imageSchema('Redis', 'registry.acme.internal/redis'),
  })
  .default({
    gateway: { pullPolicy: 'IfNotPresent' },
    dataService: { pullPolicy: 'IfNotPresent' },
    redis: { pullPolicy: 'IfNotPresent' },
  })
  .meta({
    title: 'Images',
    description: 'Repositories, tags and pull policies, for mirrors and air-gapped clusters.',
  })

export type Images = z.infer<typeof ImagesSchema>

const DOCKER_HUB_SERVERS = ['index.docker.io', 'docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']

/** The pull secret's server as an image host: no scheme, no trailing slash or /v1/ /v2/. */
export const registryServerHost = (server: string): string | undefined => {
  const host = server
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '')
    .replace(/\/v[12]$/, '')
  return DOCKER_HUB_SERVERS.includes(host.split('/')[0]!.toLowerCase()) ? undefined : host
}

/** The registry host the chart's images are pulled from, or undefined for docker.io. */
export const imageRegistry = (c: { images: Images; registry: Registry }): string | undefined =>
  c.images.registry ??
  (c.registry.mode === 'create' && c.registry.server !== DEFAULT_REGISTRY_SERVER
    ? registryServerHost(c.registry.server)
    : undefined)

export type ResolvedImage = ImageRef & { id: ImageId; changed: boolean }

/** The images the pods will pull with this config, and whether each differs from the chart's. */
export const resolveImages = (c: {
  chart: { version: string }
  images: Images
  registry: Registry
}): Record<ImageId, ResolvedImage> => {
  const defaults = chartImageDefaults(c.chart.version)
  const host = imageRegistry(c)
  const one = (id: ImageId): ResolvedImage => {
    const d = defaults[id]
    const own = c.images[id]
    const repository =
      own.repository ??
      (host && d.repository.startsWith(`${DOCKER_HUB_HOST}/`) ? `${host}/${IMAGE_PATHS[id]}` : d.repository)
    const tag = own.tag ?? d.tag
    const ref = { repository, tag, pullPolicy: own.pullPolicy }
    const changed = ref.repository !== d.repository || ref.tag !== d.tag || ref.pullPolicy !== d.pullPolicy
    return { id, ...ref, changed }
  }
  return { gateway: one('gateway'), dataService: one('dataService'), redis: one('redis') }
}
