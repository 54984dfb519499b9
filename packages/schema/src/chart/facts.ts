/**
 * Facts about the portkey-ai/gateway chart that the schema, the renderer, the importer and the
 * checks rely on (checked against every release by the deploy tests). The releases, what each can
 * do and each one's default env are beside this file.
 */

/** The Helm repository the chart is published in, and the name the scripts add it as. */
export const HELM_REPO_NAME = 'portkey-ai'
export const HELM_REPO_URL = 'https://portkey-ai.github.io/helm'

/** The port the gateway container serves (PORT); the chart's Service and probes use it. */
export const GATEWAY_PORT = 8787

/** Env keys the chart knows but portkey-setup does not model (MCP server mode of newer charts). */
export const UNMODELLED_ENV_KEYS = ['SERVER_MODE', 'MCP_PORT', 'MCP_GATEWAY_BASE_URL'] as const

/** The chart's name; with Vault injection the gateway reads its env from a Secret of this name. */
export const CHART_NAME = 'gateway'

/** Volume name the README uses for the CA mount. */
export const CA_VOLUME_NAME = 'shared-folder'

/** Annotation EKS reads to give a service account's pods an IAM role. */
export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn'

/** The chart's own placeholders; a value like these was never filled in. */
export const isPlaceholder = (v: string) =>
  /^<[^<>]*>$/.test(v.trim()) || ['path/to/your/secret', 'your-vault-role', '____'].includes(v.trim())
