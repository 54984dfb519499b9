import { readFileSync } from 'node:fs'
import { request } from 'node:https'
import { parse } from 'yaml'
import { cluster } from './cluster.js'

/**
 * A TEST STAND-IN FOR THE KUBELET (and the scheduler before it). The test cluster has a real API
 * server and a real controller manager but no nodes: the controllers create ReplicaSets and Pods,
 * and nothing ever runs those Pods. This plays the one part of a kubelet the deploy tests need: it
 * reports the Pods of one namespace as started, Running and Ready through the pods/status
 * subresource, as a kubelet does once its containers pass their readiness probes. It starts no
 * container and probes nothing; the controller manager then computes the ReplicaSet and Deployment
 * status from those Pods the real way, so `helm upgrade --atomic` (which waits for that status)
 * can succeed or time out for real.
 *
 * `ready(pod)` decides which Pods "pass their probes": the failure tests leave some Pending forever.
 */
export type PodLike = {
  metadata: { name: string; labels?: Record<string, string>; deletionTimestamp?: string }
  spec: { containers: { name: string; image: string }[] }
  status?: { conditions?: { type: string; status: string }[] }
}

type Api = { server: string; token: string; ca: Buffer }

const api = (): Api => {
  const kc = parse(readFileSync(cluster().KUBECONFIG, 'utf8'))
  return {
    server: kc.clusters[0].cluster.server,
    token: kc.users[0].user.token,
    ca: readFileSync(kc.clusters[0].cluster['certificate-authority']),
  }
}

const call = (
  a: Api,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ code: number; text: string }> =>
  new Promise((resolve, reject) => {
    const req = request(
      `${a.server}${path}`,
      {
        method,
        ca: a.ca,
        headers: {
          authorization: `Bearer ${a.token}`,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/merge-patch+json' } : {}),
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d) => {
          text += d
        })
        res.on('end', () => resolve({ code: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    req.end(body ? JSON.stringify(body) : undefined)
  })

const isReady = (p: PodLike) =>
  (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')

/** The status a kubelet writes for a Pod whose containers all started and passed readiness. */
const runningStatus = (p: PodLike, n: number) => {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const cond = (type: string) => ({ type, status: 'True', lastTransitionTime: now })
  return {
    status: {
      phase: 'Running',
      hostIP: '127.0.0.1',
      podIP: `10.244.0.${(n % 250) + 2}`,
      startTime: now,
      conditions: ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map(cond),
      containerStatuses: p.spec.containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: now } },
      })),
    },
  }
}

export type KubeletStandIn = {
  /** Pod names reported Ready so far. */
  readied: Set<string>
  stop: () => Promise<void>
}

/** Polls the namespace's Pods every `everyMs` and reports each one `ready` accepts as Running/Ready. */
export const startKubeletStandIn = (
  namespace: string,
  opts: { ready?: (pod: PodLike) => boolean; everyMs?: number } = {},
): KubeletStandIn => {
  const a = api()
  const readied = new Set<string>()
  let stopped = false
  const base = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`
  const tick = async () => {
    const r = await call(a, 'GET', base)
    if (r.code !== 200) return
    const pods = (JSON.parse(r.text) as { items: PodLike[] }).items
    for (const p of pods) {
      if (stopped || p.metadata.deletionTimestamp || isReady(p)) continue
      if (opts.ready && !opts.ready(p)) continue
      const name = p.metadata.name
      const w = await call(
        a,
        'PATCH',
        `${base}/${encodeURIComponent(name)}/status`,
        runningStatus(p, readied.size),
      )
      if (w.code === 200) readied.add(name)
      else if (w.code !== 404 && w.code !== 409)
        throw new Error(`kubelet stand-in: status of pod ${name} refused (${w.code}): ${w.text}`)
    }
  }
  const loop = (async () => {
    while (!stopped) {
      await tick()
      await new Promise((r) => setTimeout(r, opts.everyMs ?? 400))
    }
  })()
  return {
    readied,
    stop: async () => {
      stopped = true
      await loop
    },
  }
}
