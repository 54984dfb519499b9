import { fieldLabel, networkFailure } from './runner/classify.js'
import { CheckFailure, errorTag } from './runner/failure.js'
import type { FieldPath } from './runner/types.js'

/** Which config fields to blame for each kind of AWS failure. */
export type AwsFields = {
  accessKey?: FieldPath
  secretKey?: FieldPath
  bucket?: FieldPath
  region?: FieldPath
  endpoint: FieldPath
  roleArn?: FieldPath
  externalId?: FieldPath
}

type SdkError = {
  name?: string
  Code?: string
  $metadata?: { httpStatusCode?: number }
  $fault?: string
}

export const label = (f: FieldPath | undefined) => (f ? fieldLabel(f) : '')

/** Maps an AWS SDK error to a failure, blaming the field that fixes it. */
export const awsFailure = (
  err: unknown,
  fields: AwsFields,
  op: 'write' | 'read' | 'assume-role',
  what: { bucket?: string; roleArn?: string } = {},
): CheckFailure => {
  const net = networkFailure(err, fields.endpoint)
  if (net) return net
  const e = (err ?? {}) as SdkError
  const name = e.Code ?? e.name ?? ''
  const status = e.$metadata?.httpStatusCode
  const tag = errorTag(name, status)
  if (name === 'TimeoutError' || name === 'RequestTimeout')
    return new CheckFailure(
      'TIMEOUT',
      `The storage service did not answer in time${tag}.`,
      `Check that ${label(fields.endpoint)} is reachable from this machine.`,
      fields.endpoint,
    )
  if (
    ['InvalidAccessKeyId', 'InvalidClientTokenId', 'UnrecognizedClientException', 'NotSignedUp'].includes(
      name,
    )
  )
    return new CheckFailure(
      'AUTH_FAILED',
      `The provider does not know this access key${tag}.`,
      `Check ${label(fields.accessKey)}: copy the access key id exactly as the provider shows it.`,
      fields.accessKey,
    )
  if (['SignatureDoesNotMatch', 'IncompleteSignature', 'InvalidSignatureException'].includes(name))
    return new CheckFailure(
      'AUTH_FAILED',
      `The secret key does not match the access key${tag}.`,
      `Check ${label(fields.secretKey)}: paste the secret that belongs to ${label(fields.accessKey)}.`,
      fields.secretKey,
    )
  if (['ExpiredToken', 'InvalidToken', 'TokenRefreshRequired', 'ExpiredTokenException'].includes(name))
    return new CheckFailure(
      'AUTH_FAILED',
      `The temporary credentials were refused${tag}.`,
      `Check ${label(fields.roleArn ?? fields.accessKey)} and try again.`,
      fields.roleArn ?? fields.accessKey,
    )
  if (
    ['PermanentRedirect', 'AuthorizationHeaderMalformed', 'IllegalLocationConstraintException'].includes(
      name,
    ) ||
    status === 301
  )
    return new CheckFailure(
      'NOT_FOUND',
      `The bucket lives in another region than the one configured${tag}.`,
      `Set ${label(fields.region)} to the bucket's region.`,
      fields.region,
    )
  if (name === 'NoSuchBucket' || name === 'InvalidBucketName')
    return new CheckFailure(
      'NOT_FOUND',
      `The bucket ${what.bucket ?? ''} does not exist for these credentials${tag}.`,
      `Check ${label(fields.bucket)} (and the region): create the bucket or correct its name.`,
      fields.bucket,
    )
  if (op === 'assume-role') {
    if (name === 'AccessDenied' || status === 403)
      return new CheckFailure(
        'ACCESS_DENIED',
        `The role ${what.roleArn ?? ''} refused to be assumed with these keys and ExternalId${tag}.`,
        `Check ${label(fields.externalId)} and ${label(fields.roleArn)}: the role's trust policy must name the principal of the keys and require exactly this ExternalId.`,
        fields.externalId ?? fields.roleArn,
      )
    if (
      ['ValidationError', 'MalformedPolicyDocument', 'NoSuchEntity', 'InvalidParameterValue'].includes(name)
    )
      return new CheckFailure(
        'NOT_FOUND',
        `STS did not accept the role ARN${tag}.`,
        `Check ${label(fields.roleArn)}: use the ARN shown in the IAM console.`,
        fields.roleArn,
      )
    if (name === 'RegionDisabledException')
      return new CheckFailure(
        'ACCESS_DENIED',
        `STS is not activated in this region for the account${tag}.`,
        `Activate STS for ${label(fields.region)} in IAM account settings, or use another region.`,
        fields.region,
      )
  }
  if (name === 'AccessDenied' || name === 'AllAccessDisabled' || status === 403) {
    const action = op === 'write' ? 's3:PutObject' : 's3:GetObject'
    return new CheckFailure(
      'ACCESS_DENIED',
      `The credentials work but may not ${op} objects in bucket ${what.bucket ?? ''}${tag}.`,
      `Grant ${action} on arn:aws:s3:::${what.bucket ?? '<bucket>'}/* (the bundle's IAM policy does), or check ${label(fields.bucket)}.`,
      fields.bucket,
    )
  }
  if (name === 'NoSuchKey')
    return new CheckFailure(
      'MISMATCH',
      `The probe object just written could not be read back${tag}.`,
      `Check that nothing rewrites or expires objects in ${label(fields.bucket)} right away.`,
      fields.bucket,
    )
  if (status !== undefined)
    return new CheckFailure(
      'PROTOCOL_ERROR',
      `The storage service answered HTTP ${status}${tag}.`,
      `Check ${label(fields.endpoint)} and try again.`,
      fields.endpoint,
    )
  throw err
}
