import { type DeploymentConfig, resolveImages } from '@portkey-setup/schema'
import type { FieldPath } from './runner/types.js'

const DOCKER_HUB = new Set([
  'index.docker.io',
  'docker.io',
  'registry.hub.docker.com',
  'registry-1.docker.io',
])

/** A registry host as docker names it: Docker Hub's aliases are one host. */
const normalHost = (host: string) => (DOCKER_HUB.has(host.toLowerCase()) ? 'docker.io' : host.toLowerCase())

/** Splits a repository as docker does: the first part is a host when it has a dot or a port, or is localhost. */
export const splitRepository = (repository: string): { host: string; path: string } => {
  const [first = '', ...rest] = repository.split('/')
  if (rest.length && (first.includes('.') || first.includes(':') || first === 'localhost'))
    return { host: normalHost(first), path: rest.join('/') }
  return { host: 'docker.io', path: rest.length ? repository : `library/${repository}` }
}

/** The pull secret's server, as a URL (a bare host[:port] is https). */
const serverUrl = (server: string) => new URL(/^https?:\/\//i.test(server) ? server : `https://${server}`)

export type PullTarget = {
  /** The registry API base the pods pull from. */
  base: string
  /** Repository path inside that registry, and the tag. */
  path: string
  tag: string
  /** host/path:tag, as the pod spec names it. */
  image: string
  /** The pull secret is for this registry, so its login is used (never sent to another host). */
  login: boolean
  /** The field that decides the image a "not found" points at. */
  field: FieldPath
  /** Where the tag comes from, for messages. */
  tagFrom: string
}

type Create = Extract<DeploymentConfig['registry'], { mode: 'create' }>

/** The gateway image the pods will pull with this config, and how to reach its registry. */
export const pullTarget = (c: DeploymentConfig & { registry: Create }): PullTarget => {
  const img = resolveImages(c).gateway
  const { host, path } = splitRepository(img.repository)
  const server = serverUrl(c.registry.server)
  const login = normalHost(server.host) === host
  const base =
    host === 'docker.io' ? 'https://registry-1.docker.io' : `${login ? server.protocol : 'https:'}//${host}`
  const own = c.images.gateway
  const field: FieldPath = own.tag
    ? ['images', 'gateway', 'tag']
    : own.repository
      ? ['images', 'gateway', 'repository']
      : c.images.registry
        ? ['images', 'registry']
        : ['chart', 'version']
  return {
    base,
    path,
    tag: img.tag,
    image: `${img.repository}:${img.tag}`,
    login,
    field,
    tagFrom: own.tag ? 'the tag you chose' : `the tag chart ${c.chart.version} deploys`,
  }
}
