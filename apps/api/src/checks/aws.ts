import { randomUUID } from 'node:crypto'
import type { S3Client } from '@aws-sdk/client-s3'
import type { STSClient } from '@aws-sdk/client-sts'
import { type AwsFields, awsFailure, label } from './aws-errors.js'
import type { Endpoint } from './endpoints.js'
import { fail } from './runner/failure.js'
import { urlTarget } from './runner/open.js'
import type { CheckContext, OpenedTargets, OpenTarget } from './runner/types.js'

export type { AwsFields } from './aws-errors.js'

/**
 * AWS SDK v3 clients for checks: explicit credentials only (the default chain, IMDS, profiles
 * and env keys never run), an explicit endpoint, one attempt, and an http handler whose agents
 * connect through the network policy.
 */

export type AwsCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string }

export type AwsHandler = Awaited<ReturnType<typeof awsHandler>>

/** The SDK's http handler, on the agents of the targets the check opened. */
export const awsHandler = async (ctx: CheckContext, opened: OpenedTargets) => {
  const { NodeHttpHandler } = await import('@smithy/node-http-handler')
  const agents = opened.agents()
  return new NodeHttpHandler({
    httpAgent: agents.http,
    httpsAgent: agents.https,
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

/** The host, port and TLS use of an endpoint, e.g. STS's. */
export const endpointTarget = (endpoint: Endpoint): OpenTarget => urlTarget(endpoint.url)

/** The host the SDK will dial for a bucket: virtual-hosted unless path style is forced or the name has dots. */
export const bucketHost = (
  endpoint: Endpoint,
  bucket: string | undefined,
  pathStyle: boolean,
): OpenTarget => {
  const target = endpointTarget(endpoint)
  const virtual = bucket && !pathStyle && !bucket.includes('.') && /^[a-z0-9-]+$/.test(bucket)
  return virtual ? { ...target, host: `${bucket}.${target.host}` } : target
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
  /** Objects go under this key prefix (a base path below the bucket), e.g. "gateway/". */
  keyPrefix = '',
) => {
  const { PutObjectCommand, GetObjectCommand } = await import('@aws-sdk/client-s3')
  const key = `${keyPrefix}${probeKey()}`
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
