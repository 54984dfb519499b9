import type { DeploymentConfig } from '../../config/index.js'
import type { BundleFile } from '../types.js'
import { optionLines, SECTION_CHANGES, SECTION_CHECKS, script } from './common.js'

/** The MinIO root user's Secret, when the chart's MinIO takes it from a Secret of the user's. */
export const minioSecretName = (c: DeploymentConfig): string | undefined =>
  c.logStore.type === 'minio' && c.logStore.credentials.source === 'existingSecret'
    ? c.logStore.credentials.secretName
    : undefined

/**
 * create-minio-secret.sh: the Secret the chart's MinIO reads its root user from (keys accessKey and
 * secretKey). The values are asked for, or taken from MINIO_ROOT_USER and MINIO_ROOT_PASSWORD, and
 * pass to kubectl through a private temporary file, never as arguments or output.
 */
export const minioSecretScript = (c: DeploymentConfig): BundleFile[] => {
  const name = minioSecretName(c)
  if (!name) return []
  return [
    script({
      name: 'create-minio-secret.sh',
      summary:
        'Creates (or updates) the Secret the chart\u2019s MinIO takes its root user from. Use the same user and password as LOG_STORE_ACCESS_KEY and LOG_STORE_SECRET_KEY: the gateway signs in with them.',
      vars: [
        ['NAMESPACE', c.chart.namespace],
        ['MINIO_SECRET', name],
      ],
      helpers: ['need', 'reachCluster'],
      body: [
        ...optionLines(
          'Usage: create-minio-secret.sh [--context NAME]\nAsks for the MinIO user and password unless MINIO_ROOT_USER and MINIO_ROOT_PASSWORD are set.',
        ),
        SECTION_CHECKS,
        "need kubectl 'see https://kubernetes.io/docs/tasks/tools/'",
        `user="\${MINIO_ROOT_USER:-}"`,
        `password="\${MINIO_ROOT_PASSWORD:-}"`,
        '[ -n "$user" ] || read -r -p "MinIO user: " user',
        'if [ -z "$password" ]; then read -r -s -p "MinIO password: " password; echo; fi',
        '[ "${#user}" -ge 3 ] || fail "the MinIO user needs at least 3 characters."',
        '[ "${#password}" -ge 8 ] || fail "the MinIO password needs at least 8 characters."',
        'reach_cluster',
        '',
        SECTION_CHANGES,
        'kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 || kubectl create namespace "$NAMESPACE"',
        'env_file="$(umask 077; mktemp)"',
        'trap \'rm -f "$env_file"\' EXIT',
        'printf \'accessKey=%s\\nsecretKey=%s\\n\' "$user" "$password" >"$env_file"',
        'echo "Creating Secret $MINIO_SECRET in namespace $NAMESPACE."',
        'kubectl create secret generic "$MINIO_SECRET" --namespace "$NAMESPACE" --from-env-file="$env_file" \\',
        '  --dry-run=client -o yaml | kubectl apply -f -',
      ],
    }),
  ]
}
