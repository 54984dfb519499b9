import { DeploymentConfigSchema } from '../config/index.js'
import { AwsSecretsManagerSchema } from '../config/secrets.js'
import { IAM_FILES } from '../render/iam-files.js'
import { placeholder } from '../render/iam-policies.js'
import { CSI_DRIVER_REPO, CSI_PROVIDER_REPO } from '../render/scripts/secrets-manager.js'
import {
  SECRET_PROVIDER_CLASS_PATH,
  SECRETS_POLICY_NAME,
  secretProviderClassName,
  secretsManagerReadPolicy,
} from '../render/secrets-manager.js'
import { json, q, section, shell, step, text } from './blocks.js'
import { SCRIPT_FILES, SECRETS_ENV_FILE } from './files.js'
import type { GuideSection } from './types.js'
import { pick, type Rec, rec, roleName, type View, valid } from './view.js'

const CREATE_AWS_SECRET = SCRIPT_FILES.createAwsSecret
const INSTALL_CSI = SCRIPT_FILES.installSecretsStoreCsi

/**
 * Secrets in AWS Secrets Manager: the role that reads them, the secret itself, the CSI driver that
 * copies it into the cluster, and how to see that it did. The service account is the one the chart
 * creates for the gateway, named like the release's Deployment (the chart's fullname).
 */
export const secretsManagerGuide = (v: View, s: Rec, keys: string[]): GuideSection => {
  const shape = AwsSecretsManagerSchema.shape
  const secretId = pick(shape.secretId, s.secretId, 'secret-name')
  const region = pick(shape.region, s.region, 'region')
  const synced = pick(shape.syncedSecretName, s.syncedSecretName, 'secret-name')
  const ls = rec(v.root.logStore)
  const lsAuth = rec(ls.auth)
  const lsRole =
    ls.type === 's3_assume' && lsAuth.method === 'irsa' ? valid(shape.roleArn, lsAuth.roleArn) : undefined
  const ownRole = valid(shape.roleArn, s.roleArn)
  const role = lsRole ?? ownRole ?? placeholder('role-arn')
  const ns = q(v.namespace)
  const sa = v.fullname
  const spc = `${v.release}-aws-secrets`
  const parsed = DeploymentConfigSchema.safeParse(v.root)
  const policy =
    parsed.success && parsed.data.secrets.mode === 'awsSecretsManager'
      ? secretsManagerReadPolicy(parsed.data, parsed.data.secrets)
      : undefined
  const providerClass = parsed.success ? secretProviderClassName(parsed.data) : spc
  return section(
    'secrets',
    'awsSecretsManager',
    'Secrets: AWS Secrets Manager',
    `Secrets stay out of values.yaml: ${keys.join(', ')} live in the AWS secret ${secretId} (${region}); the Secrets Store CSI driver copies them into the Kubernetes Secret ${synced}, which the gateway reads.`,
    [
      step(
        'secrets.awsSm.role',
        lsRole ? `Let the log store role read the secret too` : `Create the IRSA role ${roleName(role)}`,
        lsRole
          ? `The gateway pod runs under one service account (${sa}), so IRSA gives it one role: ${lsRole}, which the log store already uses. ${CREATE_AWS_SECRET} adds the read policy below to it.`
          : `The CSI driver's AWS provider reads the secret with the identity of the gateway pod, so its service account ${sa} in namespace ${v.namespace} needs an IAM role through IRSA. eksctl creates the role with that trust; ${CREATE_AWS_SECRET} then gives it the read policy below (only this secret${s.kmsKeyArn ? ', and decrypt with its KMS key' : ''}).`,
        [
          ...(lsRole
            ? []
            : [
                shell(
                  'Create the role, trusted by the gateway service account',
                  `eksctl create iamserviceaccount --cluster ${q('<eks-cluster>')} --namespace ${ns} --name ${q(sa)} \\`,
                  `  --role-name ${q(roleName(role))} --role-only --approve`,
                ),
              ]),
          ...(policy ? [json(IAM_FILES.secretsManagerRead, policy)] : []),
          shell(
            'Attach the read policy (create-aws-secret.sh does this too)',
            `aws iam put-role-policy --role-name ${q(roleName(role))} --policy-name ${q(SECRETS_POLICY_NAME)} \\`,
            `  --policy-document file://${IAM_FILES.secretsManagerRead}`,
          ),
        ],
        [
          {
            label: 'AWS: IAM roles for service accounts',
            url: 'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html',
          },
        ],
      ),
      step(
        'secrets.awsSm.secret',
        `Store the secrets in ${secretId}`,
        `The AWS secret holds one JSON object with a key per secret. ${CREATE_AWS_SECRET} builds it from ${SECRETS_ENV_FILE} (values never appear on a command line), creates the secret or stores a new version, and puts the read policy on the role. Fill any empty line of ${SECRETS_ENV_FILE} first; delete the file afterwards or keep it in a vault.`,
        [
          text(`Keys of the AWS secret (from ${SECRETS_ENV_FILE})`, ...keys),
          shell('Run the bundled script', `./${CREATE_AWS_SECRET}`),
          shell(
            'Or by hand (jq reads the file, the CLI reads the JSON from a file)',
            `jq -R -n '[inputs | capture("^(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>.*)$")] | from_entries' \\`,
            `  <${SECRETS_ENV_FILE} >secret.json`,
            `aws secretsmanager create-secret --name ${q(secretId)} --region ${q(region)} --secret-string file://secret.json`,
            'rm -f secret.json',
          ),
        ],
      ),
      step(
        'secrets.awsSm.csi',
        'Install the Secrets Store CSI driver and its AWS provider',
        `The driver mounts the secret into the gateway pod and, with Secret sync on, keeps the Kubernetes Secret ${synced} filled while the pod runs. ${INSTALL_CSI} installs the driver and the provider only when the cluster lacks them, then applies ${SECRET_PROVIDER_CLASS_PATH} (SecretProviderClass ${providerClass}). A driver you installed yourself must have syncSecret.enabled=true.`,
        [
          shell('Run the bundled script', `./${INSTALL_CSI}`),
          shell(
            'Or by hand',
            `kubectl get csidriver secrets-store.csi.k8s.io || {`,
            `  helm repo add ${CSI_DRIVER_REPO.name} ${q(CSI_DRIVER_REPO.url)}`,
            `  helm upgrade --install ${CSI_DRIVER_REPO.release} ${CSI_DRIVER_REPO.chart} --namespace kube-system --set syncSecret.enabled=true`,
            '}',
            `helm repo add ${CSI_PROVIDER_REPO.name} ${q(CSI_PROVIDER_REPO.url)}`,
            `helm upgrade --install ${CSI_PROVIDER_REPO.release} ${CSI_PROVIDER_REPO.chart} --namespace kube-system`,
            `kubectl apply --namespace ${ns} -f ${SECRET_PROVIDER_CLASS_PATH}`,
          ),
        ],
        [
          {
            label: 'Secrets Store CSI driver: sync as Kubernetes Secret',
            url: 'https://secrets-store-csi-driver.sigs.k8s.io/topics/sync-as-kubernetes-secret.html',
          },
        ],
      ),
      step(
        'secrets.awsSm.verify',
        `After installing: check that ${synced} exists`,
        `The Secret appears once the gateway pod has mounted the volume. If the pod stays in ContainerCreating, its events name the cause (usually the role's trust or policy). A rotated AWS secret reaches the pods when they restart.`,
        [
          shell(
            'Check the sync',
            `kubectl describe secret ${q(synced)} --namespace ${ns}`,
            `kubectl get events --namespace ${ns} --field-selector reason=FailedMount`,
          ),
        ],
      ),
    ],
  )
}
