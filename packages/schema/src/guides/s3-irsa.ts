import { S3AssumeIrsaSchema } from '../config/log-store.js'
import { IAM_FILES, IAM_POLICY_NAMES } from '../render/iam-files.js'
import { irsaTrustPolicy, oidcProviderId, partitionOf } from '../render/iam-policies.js'
import { json, q, shell, step, yaml } from './blocks.js'
import { SCRIPT_FILES, scriptHint } from './files.js'
import { s3PolicyBlock } from './s3.js'
import type { AssumeTarget, GuideStep } from './types.js'
import { isPlaceholder, pick, type Rec, roleName, type View, valid } from './view.js'

const EKS_IRSA_DOCS = 'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html'
const EKS_OIDC_DOCS =
  'https://docs.aws.amazon.com/eks/latest/userguide/enable-iam-roles-for-service-accounts.html'

/** IRSA: the cluster's OIDC provider, a role trusting the namespace's service accounts, the S3 policy. */
export const irsaSteps = (v: View, t: AssumeTarget, auth: Rec) => {
  const shape = S3AssumeIrsaSchema.shape
  const roleArn = pick(shape.roleArn, auth.roleArn, 'role-arn')
  const name = roleName(roleArn)
  const cluster = pick(shape.clusterName, auth.clusterName, 'cluster-name')
  const issuer = valid(shape.oidcProviderUrl, auth.oidcProviderUrl)
  const providerId = oidcProviderId(issuer)
  const partition = isPlaceholder(roleArn) ? undefined : partitionOf(roleArn)
  const describe = `aws eks describe-cluster --name ${q(cluster)} --query "cluster.identity.oidc.issuer" --output text`
  // The provider id ends in the cluster's OIDC id; IAM lists providers by that id.
  const oidcId = issuer ? providerId.slice(providerId.lastIndexOf('/') + 1) : '<oidc-id>'

  const steps: GuideStep[] = [
    t.bucketStep,
    step(
      'logStore.s3_assume.irsa.oidc-check',
      'Find the OIDC issuer of the cluster',
      `IRSA lets the gateway pods exchange their Kubernetes service account token for AWS credentials, which needs an IAM OIDC provider for cluster ${cluster}. Print the issuer URL${issuer ? '' : ' and enter it in portkey-setup, which fills it into the trust policy'}, then see whether IAM already knows the provider.`,
      [
        shell(
          'Print the issuer and look for its IAM provider',
          describe,
          `aws iam list-open-id-connect-providers --output text | grep -F ${q(oidcId)} || echo 'No IAM OIDC provider yet: do the next step.'`,
        ),
      ],
      [{ label: 'Amazon EKS: create an IAM OIDC provider', url: EKS_OIDC_DOCS }],
    ),
    step(
      'logStore.s3_assume.irsa.oidc-associate',
      'Associate the OIDC provider (only if it is missing)',
      'Use eksctl if you have it; otherwise the aws CLI registers the same provider. One provider serves every role of the cluster, so this is done once per cluster.',
      [
        shell('With eksctl', `eksctl utils associate-iam-oidc-provider --cluster ${q(cluster)} --approve`),
        shell(
          'Or with the aws CLI',
          `ISSUER="$(${describe})"`,
          'aws iam create-open-id-connect-provider --url "$ISSUER" --client-id-list sts.amazonaws.com',
        ),
      ],
    ),
    step(
      'logStore.s3_assume.irsa.role',
      'Create the role for the gateway service account',
      `The trust policy accepts tokens from this cluster's provider for any service account in namespace ${v.namespace} (system:serviceaccount:${v.namespace}:*), issued for sts.amazonaws.com.${scriptHint(SCRIPT_FILES.iamIrsa)}`,
      [
        json(IAM_FILES.irsaTrust, irsaTrustPolicy(roleArn, issuer, v.namespace)),
        shell(
          'Create the role',
          `aws iam create-role --role-name ${q(name)} \\`,
          `  --assume-role-policy-document file://${IAM_FILES.irsaTrust}`,
        ),
      ],
      [{ label: 'Amazon EKS: IAM roles for service accounts', url: EKS_IRSA_DOCS }],
    ),
    step(
      'logStore.s3_assume.irsa.policy',
      'Let the role read and write the bucket',
      `Only object reads and writes on ${t.bucket} are needed. The last command prints the role ARN to enter in portkey-setup.`,
      [
        s3PolicyBlock(t.bucket, t.region, partition),
        shell(
          'Attach the policy and print the role ARN',
          `aws iam put-role-policy --role-name ${q(name)} --policy-name ${q(IAM_POLICY_NAMES.s3Access)} \\`,
          `  --policy-document file://${IAM_FILES.s3Access}`,
          `aws iam get-role --role-name ${q(name)} --query Role.Arn --output text`,
        ),
      ],
    ),
    step(
      'logStore.s3_assume.irsa.service-account',
      'Service account annotation (already in values.yaml)',
      `EKS injects the role only into pods whose service account carries the eks.amazonaws.com/role-arn annotation. The chart's README leaves it out; portkey-setup writes it into values.yaml for you. After installing, the gateway pod should show AWS_ROLE_ARN in its environment.`,
      [
        yaml(
          'values.yaml (excerpt)',
          'serviceAccount:',
          '  create: true',
          '  annotations:',
          `    eks.amazonaws.com/role-arn: ${JSON.stringify(roleArn)}`,
        ),
        shell(
          'Check after installing',
          `kubectl exec --namespace ${q(v.namespace)} ${q(`deployment/${v.fullname}`)} -- env | grep AWS_ROLE_ARN`,
        ),
      ],
    ),
  ]
  return {
    summary: `pods in namespace ${v.namespace} assume ${roleArn} through the OIDC provider of EKS cluster ${cluster}; no keys are stored.`,
    steps,
  }
}
