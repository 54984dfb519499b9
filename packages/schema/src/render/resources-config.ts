import type { DeploymentConfig } from '../config/index.js'
import { block, documentText, entry, manifest, map } from './yaml-doc.js'

/**
 * Name of the ConfigMap holding the Mongo CA. Not the README's `resource-config`: every chart
 * version ships templates/resources-config.yaml, a ConfigMap of that very name with a placeholder
 * certificate, so Helm would refuse to adopt ours or overwrite it with the placeholder.
 */
export const caConfigMapName = (config: DeploymentConfig) => `${config.chart.releaseName}-mongo-ca`

/** The certificates of a PEM bundle, one after another, with \n line ends and nothing else. */
export const normalizePem = (pem: string): string =>
  `${(pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [])
    .map((cert) => cert.replace(/\r\n?/g, '\n'))
    .join('\n')}\n`

/** resources-config.yaml: the ConfigMap with the Mongo CA, or null when no CA is set. */
export const renderResourcesConfig = (config: DeploymentConfig): string | null => {
  const ls = config.logStore
  if (ls.type !== 'mongo' || !ls.tlsCa) return null
  const { fileName, pem } = ls.tlsCa
  return documentText(
    manifest(
      'v1',
      'ConfigMap',
      caConfigMapName(config),
      config.chart.namespace,
      entry('data', map(entry(fileName, block(normalizePem(pem))))),
    ),
    [
      `CA certificate for the Mongo / DocumentDB connection, written by portkey-setup.`,
      `values.yaml mounts it at /etc/shared/${fileName}; apply it before installing the chart:`,
      `  kubectl apply -n ${config.chart.namespace} -f resources-config.yaml`,
    ],
  )
}
