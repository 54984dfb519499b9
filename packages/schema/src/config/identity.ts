import { lacksMessage, supports } from '../chart/capabilities.js'
import type { LogStore } from './log-store.js'
import type { Secrets } from './secrets.js'

/**
 * Who the gateway pod is, to AWS and to Azure. The pod runs under ONE service account, so IRSA can
 * give it one role: when the log store uses IRSA and secrets come from AWS Secrets Manager, that
 * role reads the secret too (its ARN may be left empty in the secrets step, or must be the same).
 */
type IdentityInput = { chart: { version: string }; logStore: LogStore; secrets: Secrets }

/** The IRSA role the log store gives the gateway service account, if any. */
export const logStoreIrsaRole = (c: { logStore: LogStore }): string | undefined =>
  c.logStore.type === 's3_assume' && c.logStore.auth.method === 'irsa' ? c.logStore.auth.roleArn : undefined

/** The role the gateway service account carries (eks.amazonaws.com/role-arn), if any. */
export const gatewayRoleArn = (c: { logStore: LogStore; secrets: Secrets }): string | undefined =>
  logStoreIrsaRole(c) ?? (c.secrets.mode === 'awsSecretsManager' ? c.secrets.roleArn : undefined)

/** With AKS workload identity: the client id of the identity federated with the service account. */
export const workloadIdentityClientId = (c: { logStore: LogStore }): string | undefined =>
  c.logStore.type === 'azure' && c.logStore.auth.mode === 'managed' && c.logStore.auth.workloadIdentity
    ? c.logStore.auth.clientId
    : undefined

export const identityRules = (
  c: IdentityInput,
  issue: (path: (string | number)[], message: string) => void,
) => {
  const v = c.chart.version
  const s = c.secrets
  if (s.mode === 'awsSecretsManager') {
    const lsRole = logStoreIrsaRole(c)
    if (!s.roleArn && !lsRole)
      issue(
        ['secrets', 'roleArn'],
        'Role that reads the secret is required: enter the IAM role the gateway service account assumes with IRSA (the log store does not use IRSA, so there is no role to share).',
      )
    if (s.roleArn && lsRole && s.roleArn !== lsRole)
      issue(
        ['secrets', 'roleArn'],
        `The gateway has one service account, so one IRSA role: the log store already uses ${lsRole}. Leave this empty (that role then reads the secret) or enter the same ARN.`,
      )
    const arn = /^arn:[^:]+:secretsmanager:([^:]+):(\d{12}):secret:/.exec(s.secretId)
    if (arn && arn[1] !== s.region)
      issue(
        ['secrets', 'secretId'],
        `The secret ARN names region ${arn[1]}, but the secret region is ${s.region}: make them the same.`,
      )
    const kms = s.kmsKeyArn ? /^arn:[^:]+:kms:([^:]+):/.exec(s.kmsKeyArn) : null
    if (kms && kms[1] !== s.region)
      issue(
        ['secrets', 'kmsKeyArn'],
        `The KMS key is in region ${kms[1]}, but a secret uses a key of its own region (${s.region}): use a key from ${s.region}.`,
      )
  }
  const ls = c.logStore
  if (ls.type === 'azure' && ls.auth.mode === 'managed' && ls.auth.workloadIdentity) {
    if (!ls.auth.clientId)
      issue(
        ['logStore', 'auth', 'clientId'],
        'AKS workload identity needs the client ID of the managed identity federated with the gateway service account: enter it.',
      )
    if (!supports(v, 'workloadIdentity'))
      issue(
        ['logStore', 'auth', 'workloadIdentity'],
        lacksMessage(v, 'workloadIdentity', 'turn workload identity off (the node pool identity is used)'),
      )
  }
}
