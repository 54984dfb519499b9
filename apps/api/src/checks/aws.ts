import { randomUUID } from 'node:crypto'
import type { S3Client } from '@aws-sdk/client-s3'
import type { STSClient } from '@aws-sdk/client-sts'
import { normalizeHost } from './address-rules.js'
import { type AwsFields, awsFailure, label } from './aws-errors.js'
import type { Endpoint } from './endpoints.js'
import { fail } from './failure.js'
import { policyHttpAgent, policyHttpsAgent } from './policy-clients.js'
import type { CheckContext } from './types.js'

export type { AwsFields } from './aws-errors.js'

/**
 * AWS SDK v3 clients for checks: explicit credentials only (the default chain, IMDS, profiles
 * and env keys never run), an explicit endpoint, one attempt, and an http handler whose agents
 * connect through the network policy.
 */

export type AwsCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string }

export type AwsHandler = Awaited<ReturnType<typeof awsHandler>>

export const awsHandler = async (ctx: CheckContext) => {
  const { NodeHttpHandler } = await import('@smithy/node-http-handler')
  const httpAgent = policyHttpAgent(ctx.policy, ctx.signal)
  const httpsAgent = policyHttpsAgent(ctx.policy, {}, ctx.signal)
  ctx.defer(() => {
    httpAgent.destroy()
    httpsAgent.destroy()
  })
  return new NodeHttpHandler({
    httpAgent,
    httpsAgent,
    connectionTimeout: ctx.libraryTimeoutMs(),
    requestTimeout: ctx.libraryTimeoutMs(),
  })
}

const COMMON = {
  maxAttempts: 1,
  useFipsEndpoint: false,
  useDualstackEndpoint: false,
  defaultsMode: 'standard' as const,
}

export const s3Client = async (
  ctx: CheckContext,
  handler: AwsHandler,
  o: { region: string; endpoint: Endpoint; credentials: AwsCredentials; pathStyle?: boolean },
): Promise<S3Client> => {
  const { S3Client } = await import('@aws-sdk/client-s3')
  const client = new S3Client({
    ...COMMON,
    region: o.region,
    endpoint: o.endpoint.url,
    forcePathStyle: o.pathStyle ?? o.endpoint.overridden,
    credentials: o.credentials,
    requestHandler: handler,
    followRegionRedirects: false,
    disableS3ExpressSessionAuth: true,
    // S3-compatible stores (Wasabi, GCS, NetApp) reject the newer default checksum headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  ctx.defer(() => client.destroy())
  return client
}

export const stsClient = async (
  ctx: CheckContext,
  handler: AwsHandler,
  o: { region: string; endpoint: Endpoint; credentials: AwsCredentials },
): Promise<STSClient> => {
  const { STSClient } = await import('@aws-sdk/client-sts')
  const client = new STSClient({
    ...COMMON,
    region: o.region,
    endpoint: o.endpoint.url,
    credentials: o.credentials,
    requestHandler: handler,
  })
  ctx.defer(() => client.destroy())
  return client
}

type Origin = { host: string; port: number; secure: boolean }

/** The host, port and TLS use of an endpoint, e.g. STS's. */
export const endpointOrigin = (endpoint: Endpoint): Origin => {
  const u = new URL(endpoint.url)
  const secure = u.protocol === 'https:'
  return { host: u.hostname, port: Number(u.port) || (secure ? 443 : 80), secure }
}

/** The host the SDK will dial for a bucket: virtual-hosted unless path style is forced or the name has dots. */
export const bucketHost = (endpoint: Endpoint, bucket: string | undefined, pathStyle: boolean): Origin => {
  const origin = endpointOrigin(endpoint)
  const virtual = bucket && !pathStyle && !bucket.includes('.') && /^[a-z0-9-]+$/.test(bucket)
  return virtual ? { ...origin, host: `${bucket}.${origin.host}` } : origin
}

/**
 * What a resolve step found for one host: "name → addresses", or only the address when the host
 * already was one (there was nothing to look up, and "127.0.0.1: 127.0.0.1" reads like a mistake).
 */
export const resolvedDetail = (host: string, addresses: readonly string[]): string =>
  addresses.length === 1 && addresses[0]!.toLowerCase() === normalizeHost(host)
    ? addresses[0]!
    : `${host} → ${addresses.join(', ')}`

/**
 * Resolve, connect and TLS to each distinct origin as timed steps, in parallel; the sockets are
 * parked so the SDK's first request to each origin reuses them.
 */
export const openOrigins = async (ctx: CheckContext, origins: Origin[]) => {
  const unique = [...new Map(origins.map((o) => [`${o.host}|${o.port}|${o.secure}`, o])).values()]
  await ctx.step('resolve', () => Promise.all(unique.map((o) => ctx.policy.resolve(o.host, ctx.signal))), {
    detail: (all) =>
      all
        .map((a, i) =>
          resolvedDetail(
            unique[i]!.host,
            a.map((x) => x.address),
          ),
        )
        .join('; '),
  })
  const sockets = await ctx.step(
    'connect',
    () => Promise.all(unique.map((o) => ctx.policy.connectTcp(o.host, o.port, ctx.signal))),
    { detail: (s) => s.map((x) => `${x.remoteAddress}:${x.remotePort}`).join(', ') },
  )
  const secure = unique.map((o, i) => ({ o, s: sockets[i]! })).filter((x) => x.o.secure)
  for (const x of unique.map((o, i) => ({ o, s: sockets[i]! })).filter((x) => !x.o.secure))
    ctx.policy.park(x.o.host, x.o.port, false, x.s)
  if (secure.length) {
    const tlsSockets = await ctx.step(
      'tls',
      () => Promise.all(secure.map((x) => ctx.policy.startTls(x.s, x.o.host, {}, ctx.signal))),
      { detail: () => `certificate valid for ${secure.map((x) => x.o.host).join(', ')}` },
    )
    secure.forEach((x, i) => {
      ctx.policy.park(x.o.host, x.o.port, true, tlsSockets[i]!)
    })
  }
}

export const probeKey = () => `portkey-setup-probe/${randomUUID()}.txt`
export const probeBody = (key: string) =>
  `portkey-setup connectivity probe ${key} ${new Date().toISOString()}\n`

/** PutObject then GetObject of a small probe, compared byte for byte. */
export const putGetProbe = async (
  ctx: CheckContext,
  s3: S3Client,
  bucket: string,
  fields: AwsFields,
  stepPrefix = '',
) => {
  const { PutObjectCommand, GetObjectCommand } = await import('@aws-sdk/client-s3')
  const key = probeKey()
  const body = probeBody(key)
  await ctx.step(`${stepPrefix}write`, async () => {
    try {
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'text/plain' }),
        { abortSignal: ctx.signal },
      )
    } catch (err) {
      throw awsFailure(err, fields, 'write', { bucket })
    }
    return `wrote s3://${bucket}/${key}`
  })
  await ctx.step(`${stepPrefix}read`, async () => {
    let text: string
    try {
      const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), {
        abortSignal: ctx.signal,
      })
      text = (await res.Body?.transformToString()) ?? ''
    } catch (err) {
      throw awsFailure(err, fields, 'read', { bucket })
    }
    if (text !== body)
      fail(
        'MISMATCH',
        'The probe object read back differs from what was written.',
        `Check for a proxy or lifecycle rule that changes objects in ${label(fields.bucket)}.`,
        fields.bucket,
      )
    return 'read the probe back, content matches'
  })
}

/** STS AssumeRole with an ExternalId; returns temporary credentials. */
export const assumeRole = async (
  ctx: CheckContext,
  sts: STSClient,
  o: { roleArn: string; externalId?: string | undefined; fields: AwsFields; stepName?: string },
): Promise<AwsCredentials> => {
  const { AssumeRoleCommand } = await import('@aws-sdk/client-sts')
  return ctx.step(
    o.stepName ?? 'assume-role',
    async () => {
      try {
        const out = await sts.send(
          new AssumeRoleCommand({
            RoleArn: o.roleArn,
            RoleSessionName: 'portkey-setup-check',
            DurationSeconds: 900,
            ...(o.externalId ? { ExternalId: o.externalId } : {}),
          }),
          { abortSignal: ctx.signal },
        )
        const c = out.Credentials
        if (!c?.AccessKeyId || !c.SecretAccessKey)
          return fail(
            'PROTOCOL_ERROR',
            'STS answered without credentials.',
            `Check ${label(o.fields.endpoint)} and try again.`,
            o.fields.endpoint,
          )
        return {
          accessKeyId: c.AccessKeyId,
          secretAccessKey: c.SecretAccessKey,
          ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
        }
      } catch (err) {
        throw awsFailure(err, o.fields, 'assume-role', { roleArn: o.roleArn })
      }
    },
    { detail: () => `assumed ${o.roleArn}${o.externalId ? ' with ExternalId' : ''}` },
  )
}
