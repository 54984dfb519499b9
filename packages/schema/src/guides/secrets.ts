import { CHART_NAME } from '../chart/facts.js'
import { DeploymentConfigSchema } from '../config/index.js'
import { ExistingSecretSchema, VaultSecretsSchema } from '../config/secrets.js'
import { activeBindings } from '../env/index.js'
import { vaultSecretKeys, vaultSecretName } from '../render/env-data.js'
import { q, section, shell, step, text } from './blocks.js'
import { SCRIPT_FILES, SECRETS_ENV_FILE } from './files.js'
import { secretsManagerGuide } from './secrets-manager.js'
import type { GuideSection } from './types.js'
import { pick, type Rec, rec, type View } from './view.js'

/**
 * The secret environment keys the chosen path uses, read from a partial config through the same
 * env bindings toEnvironment writes (so a guide cannot list a key the bundle does not deliver).
 */
export const secretEnvKeysOf = (root: Rec): string[] => [
  // An optional secret left empty (OTEL exporter headers) is not written, so nothing holds it.
  ...new Set(
    activeBindings(root).flatMap((b) => (b.secret && !(b.optional && b.value === undefined) ? b.env : [])),
  ),
]

/** The path the kv command takes: KV v2 API paths carry /data/ after the mount, the CLI adds it itself. */
const kvCliPath = (path: string) => path.replace(/^([^/]+)\/data\//, '$1/')

export const secretsGuide = (v: View): GuideSection => {
  const s = rec(v.root.secrets)
  const keys = secretEnvKeysOf(v.root)
  const ns = q(v.namespace)
  if (s.mode === 'existingSecret') {
    const name = pick(ExistingSecretSchema.shape.secretName, s.secretName, 'secret-name')
    return section(
      'secrets',
      'existingSecret',
      'Secrets: an existing Kubernetes Secret',
      `Secrets stay out of values.yaml: the gateway reads ${keys.join(', ')} from Secret ${name} in namespace ${v.namespace}, which you create before installing.`,
      [
        step(
          'secrets.existing.env',
          `Check ${SECRETS_ENV_FILE}`,
          `The bundle's ${SECRETS_ENV_FILE} has one KEY=value line per secret, filled from what you entered. Each value runs to the end of its line, with no quotes. Fill any that are empty; keep the file private.`,
          [text(`${SECRETS_ENV_FILE} keys`, ...keys.map((k) => `${k}=`))],
        ),
        step(
          'secrets.existing.create',
          `Create Secret ${name}`,
          `${SCRIPT_FILES.createSecret} creates the namespace and the Secret (and the image pull secret when the chart is not to hold the registry password). By hand, for the gateway keys alone, it comes down to this. Delete ${SECRETS_ENV_FILE} afterwards or keep it in a vault.`,
          [
            shell('Run the bundled script', `./${SCRIPT_FILES.createSecret}`),
            shell(
              'Or by hand',
              `kubectl get namespace ${ns} >/dev/null 2>&1 || kubectl create namespace ${ns}`,
              `kubectl create secret generic ${q(name)} --namespace ${ns} --from-env-file=${SECRETS_ENV_FILE} \\`,
              '  --dry-run=client -o yaml | kubectl apply -f -',
            ),
          ],
        ),
      ],
    )
  }
  if (s.mode === 'awsSecretsManager') return secretsManagerGuide(v, s, keys)
  if (s.mode === 'vault') {
    const shape = VaultSecretsSchema.shape
    const host = pick(shape.host, s.host, 'vault-host')
    const path = pick(shape.secretPath, s.secretPath, 'secret-path')
    const role = pick(shape.role, s.role, 'vault-role')
    // The full list depends on the chart version's defaults, so it needs a complete config.
    const parsed = DeploymentConfigSchema.safeParse(v.root)
    const podKeys = parsed.success ? vaultSecretKeys(parsed.data) : undefined
    const vaultSecret = parsed.success ? vaultSecretName(parsed.data) : CHART_NAME
    const prefixNote =
      host === 'vault.hashicorp.com'
        ? ''
        : ` Note that the chart uses vaultConfig.vaultHost (${host}) as the prefix of the pod annotations (${host}/agent-inject, ${host}/role); the standard Vault injector watches vault.hashicorp.com/...`
    return section(
      'secrets',
      'vault',
      'Secrets: HashiCorp Vault',
      `The Vault agent injects the secrets at ${path} into the gateway pod, using the Vault role ${role}.`,
      [
        step(
          'secrets.vault.store',
          'Store the secrets in Vault',
          `Put each secret key at ${path}. For a KV version 2 engine the API path has /data/ after the mount and the kv command leaves it out. Values typed on a command line end up in your shell history: you can instead write them to a JSON file and pass @file.json.`,
          [
            shell(
              'Write the keys',
              `vault kv put ${q(kvCliPath(path))} \\`,
              ...keys.map((k, i) => `  ${k}=${q(`<${k}>`)}${i < keys.length - 1 ? ' \\' : ''}`),
            ),
          ],
        ),
        step(
          'secrets.vault.role',
          `Let the gateway read them with role ${role}`,
          `A read-only policy on the path, and a Kubernetes auth role that hands it to service accounts of namespace ${v.namespace}.`,
          [
            shell(
              'Policy and role',
              `vault policy write ${q(role)} - <<'EOF'`,
              `path ${JSON.stringify(path)} {`,
              '  capabilities = ["read"]',
              '}',
              'EOF',
              `vault write ${q(`auth/kubernetes/role/${role}`)} \\`,
              `  bound_service_account_names=${q('*')} \\`,
              `  bound_service_account_namespaces=${ns} \\`,
              `  policies=${q(role)} ttl=1h`,
            ),
          ],
          [
            {
              label: 'Vault: Kubernetes auth',
              url: 'https://developer.hashicorp.com/vault/docs/auth/kubernetes',
            },
          ],
        ),
        step(
          'secrets.vault.kubernetes-secret',
          `Keep the Kubernetes Secret ${vaultSecret} in step`,
          `With Vault injection on, the pod reads every key of environment.data, the chart's own defaults included, from the Kubernetes Secret ${vaultSecret} in namespace ${v.namespace}; a key it lacks stops the pod from starting. Have your Vault setup, for example the Vault Secrets Operator, write every key listed here: the secrets, the other values as values.yaml shows them, and the chart defaults this setup does not use as empty values.${prefixNote}`,
          [
            text(
              `Keys the Secret ${vaultSecret} must hold${podKeys ? '' : ' (complete the other steps to see the full list)'}`,
              ...(podKeys ?? keys),
            ),
            shell(
              'List the keys the Secret holds (values stay hidden)',
              `kubectl describe secret ${q(vaultSecret)} --namespace ${ns}`,
            ),
          ],
        ),
      ],
    )
  }
  return section(
    'secrets',
    'inline',
    'Secrets: in values.yaml',
    'Secrets are written into values.yaml and the chart keeps them in a Kubernetes Secret; keep the bundle private and out of version control.',
  )
}
