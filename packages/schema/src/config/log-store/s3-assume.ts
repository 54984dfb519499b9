import { z } from 'zod'
import { bool, doc, externalId, httpUrl, iamName, ident, option, roleArn } from '../fields.js'

import { bucket, keyPair, region } from './s3.js'

// ---- S3 with an assumed role --------------------------------------------------------------------

export const S3AssumeAccessKeysSchema = z
  .strictObject({
    method: option(
      'access_keys',
      'Keys from Portkey assume your role',
      'Choose this when Portkey gave you keys and an ExternalId; works wherever the gateway runs.',
    ),
    ...keyPair(' from Portkey'),
    roleArn: roleArn().meta(
      doc('The role you created for Portkey to assume in your account.', {
        env: 'LOG_STORE_AWS_ROLE_ARN',
        placeholder: 'arn:aws:iam::123456789012:role/PortkeyLogs',
      }),
    ),
    externalId: externalId().meta(
      doc('The ExternalId the trust policy of that role requires.', { env: 'LOG_STORE_AWS_EXTERNAL_ID' }),
    ),
    portkeyPrincipalArn: ident(
      'Portkey principal ARN',
      /^arn:aws(-cn|-us-gov)?:iam::\d{12}:(root|(user|role)\/[A-Za-z0-9+=,.@_/-]{1,512})$/,
      'use the ARN Portkey shared, e.g. arn:aws:iam::111122223333:root.',
      600,
    )
      .optional()
      .meta(
        doc('The Portkey AWS principal your role trusts, as Portkey shared it; it fills the trust policy.'),
      ),
  })
  .describe('Long-term keys from Portkey assume a role with an ExternalId.')

export const S3AssumeIrsaSchema = z
  .strictObject({
    method: option(
      'irsa',
      'IRSA (EKS service account)',
      'Choose this on EKS with an OIDC provider: the pod gets the role, no keys at all.',
    ),
    roleArn: roleArn().meta(
      doc(
        'The role the gateway service account assumes; it is added as the eks.amazonaws.com/role-arn annotation.',
        {
          placeholder: 'arn:aws:iam::123456789012:role/PortkeyIrsa',
        },
      ),
    ),
    clusterName: ident(
      'EKS cluster name',
      /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/,
      'use the EKS cluster name (letters, digits, - and _).',
      100,
    )
      .optional()
      .meta(doc('The name of the EKS cluster, used to fill in the OIDC commands.')),
    oidcProviderUrl: httpUrl('OIDC provider URL', 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE')
      .optional()
      .meta(doc('The OIDC issuer of the cluster, as aws eks describe-cluster shows it.')),
  })
  .describe('IRSA: the pod identity assumes the role; no keys.')

export const S3AssumeImdsSchema = z
  .strictObject({
    method: option(
      'imds',
      'Node instance role (IMDS)',
      'Choose this on EC2 nodes without IRSA: the gateway uses the instance profile.',
    ),
    imdsV1: bool('Nodes use IMDSv1', false).meta(
      doc('Turn this on only when the nodes allow IMDSv1; IMDSv2 needs nothing.', { env: 'AWS_IMDS_V1' }),
    ),
    roleName: iamName('Instance role name')
      .optional()
      .meta(doc('The name of the node instance role, used to fill in the IAM commands.')),
  })
  .describe('IMDS: the node role (EC2 instance profile) is used; no keys.')

export const S3AssumeLogStoreSchema = z
  .strictObject({
    type: option(
      's3_assume',
      'Amazon S3 with an IAM role',
      'Choose this on AWS when keys must not sit in the cluster: a cross-account role, IRSA or the node role.',
    ),
    region: region('The AWS region of the bucket, such as us-east-1.'),
    bucket: bucket(),
    auth: z
      .discriminatedUnion('method', [S3AssumeAccessKeysSchema, S3AssumeIrsaSchema, S3AssumeImdsSchema], {
        error: 'Auth method must be "access_keys", "irsa" or "imds".',
      })
      .meta({ title: 'How the gateway gets the role', description: 'How the gateway obtains the role.' }),
  })
  .describe('Amazon S3 with an IAM role (cross-account keys, IRSA or IMDS).')
