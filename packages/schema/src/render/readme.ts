import { GATEWAY_PORT } from '../chart/facts.js'
import type { DeploymentConfig } from '../config/index.js'
import { guideFor } from '../guides/guide.js'
import type { GuideBlock, GuideSection, GuideStep } from '../guides/types.js'
import { gatewayAddress, reachSentence } from './exposure-text.js'
import { readmeFiles } from './readme-files.js'
import { gatewayDeploymentName } from './scripts/common.js'
import type { BundleFile } from './types.js'

/**
 * The bundle's README.md: what the bundle is, the choices, its files and the guide's steps as
 * Markdown. It is built from guideFor, which never reads a secret field, so no secret can reach it.
 */

/** Beyond the port-forward check: the Ingress URL, or how to find the Service's outside address. */
const reachReadme = (c: DeploymentConfig): string[] => {
  const a = gatewayAddress(c)
  if (a.kind === 'port-forward') return []
  const block =
    a.kind === 'ingress'
      ? [`curl -fsS ${a.health}`]
      : [`${a.lookup}   # the ${a.kind === 'NodePort' ? 'node port' : 'external address'}`]
  return ['', md(reachSentence(a)), '', '```bash', ...block, '```']
}

const nextStep = (c: DeploymentConfig): string => {
  const a = gatewayAddress(c)
  if (a.kind === 'ingress')
    return `Point your applications at ${a.url}, or call the gateway inside the cluster on port ${GATEWAY_PORT}.`
  if (a.kind === 'port-forward')
    return 'Point your applications at the gateway: expose the Service through your ingress or load balancer, or call it inside the cluster on port 8787.'
  return `Point your applications at the ${a.kind === 'NodePort' ? 'node port' : 'load balancer address'} of Service ${a.service}, or call it inside the cluster on port ${GATEWAY_PORT}.`
}

/** Prose with user values: characters Markdown would read as markup (or HTML, like <bucket>) are escaped. */
const md = (s: string) => s.replace(/[\\`*<>[\]|]/g, '\\$&')

/** Inline code for names and paths (syntax-checked, so they hold no backtick). */
const code = (s: string) => `\`${s.replaceAll('`', '')}\``

const LANGUAGE: Record<GuideBlock['kind'], string> = {
  shell: 'bash',
  json: 'json',
  yaml: 'yaml',
  text: 'text',
}

const fenced = (b: GuideBlock) => {
  const fence = '`'.repeat(Math.max(3, ...(b.content.match(/`+/g) ?? []).map((r) => r.length + 1)))
  return [`${md(b.label)}:`, '', `${fence}${LANGUAGE[b.kind]}`, b.content, fence]
}

const stepLines = (s: GuideStep, n: string): string[] => [
  `#### ${n} ${md(s.title)}`,
  '',
  md(s.body),
  ...s.blocks.flatMap((b) => ['', ...fenced(b)]),
  ...(s.links?.length ? ['', ...s.links.map((l) => `- [${md(l.label)}](${l.url})`)] : []),
  '',
]

const sectionLines = (s: GuideSection, i: number): string[] => [
  `### ${i}. ${md(s.title)}`,
  '',
  md(s.summary),
  '',
  ...s.steps.flatMap((step, j) => stepLines(step, `${i}.${j + 1}`)),
]

export const renderReadme = (config: DeploymentConfig, files?: BundleFile[]): string => {
  const { releaseName, namespace, version } = config.chart
  const guide = guideFor(config)
  const withSteps = guide.sections.filter((s) => s.steps.length > 0)
  const deployment = gatewayDeploymentName(releaseName)
  const lines = [
    '# Portkey gateway deployment bundle',
    '',
    `This bundle installs the Portkey enterprise AI gateway on Kubernetes with Helm: chart portkey-ai/gateway ${md(version)}, release ${code(releaseName)} in namespace ${code(namespace)}. portkey-setup wrote every file from the choices below. This README holds no secret values.`,
    '',
    'Work from the folder you unzipped the bundle into: the commands below refer to files by their path in it.',
    '',
    '## Choices',
    '',
    '| Part | Choice |',
    '| --- | --- |',
    ...guide.sections
      // A section left at its defaults (choice "default") changes nothing in the bundle.
      .filter((s) => s.section !== 'install' && s.choice !== 'default')
      .map((s) => `| ${md(s.title)} | ${md(s.summary)} |`),
    '',
    '## Files',
    '',
    '| File | What it is for |',
    '| --- | --- |',
    ...readmeFiles(config, files).map((f) => `| ${code(f.path)} | ${md(f.purpose)} |`),
    '',
    '## Steps',
    '',
    'Do these in order; each one says what to run and why. Steps that portkey-setup already took care of are only mentioned in the table above.',
    '',
    ...withSteps.flatMap((s, i) => sectionLines(s, i + 1)),
    '## Check that it works',
    '',
    '```bash',
    `kubectl get pods --namespace ${namespace}`,
    `kubectl port-forward deployment/${deployment} --namespace ${namespace} ${GATEWAY_PORT}:${GATEWAY_PORT}`,
    `curl -fsS http://localhost:${GATEWAY_PORT}/v1/health   # in a second terminal`,
    '```',
    '',
    'All pods should be Running, and the health check should answer without an error.',
    ...reachReadme(config),
    '',
    '## Next steps',
    '',
    `- ${md(nextStep(config))}`,
    '- To change a setting, edit it in portkey-setup and download a new bundle (or edit values.yaml), then run `./scripts/install.sh` again: it upgrades the release in place.',
    '',
    '## Upgrading to a later chart',
    '',
    'To move the release this bundle installed to a newer chart version:',
    '',
    '1. `./scripts/export-values.sh > portkey-export.yaml` captures what runs now: the values (every secret blanked), the chart version, the revision and the object names.',
    '2. Import `portkey-export.yaml` in portkey-setup (or run `portkey-setup upgrade portkey-export.yaml --to <version>`), pick the target version, read the list of changes, fill in the secrets again and download the new bundle.',
    '3. In the new bundle, run `./scripts/create-secret.sh` again when it has one (secrets may have new keys), then `./scripts/upgrade.sh --diff` to see every rendered object that changes, without changing anything.',
    '4. `./scripts/upgrade.sh` prints the current revision and the exact `helm rollback` command, runs `preflight.sh` when the bundle has it, upgrades with `--atomic` (helm rolls back by itself when the pods are not ready within `--timeout`, 10 minutes by default) and runs `verify.sh` when the bundle has it.',
    '',
    `- To remove the gateway, run \`./scripts/uninstall.sh\`; it uses the same release name (${code(releaseName)}) and namespace as the install.`,
    '- Keep this bundle private: values.yaml or secrets.env may hold credentials.',
    '',
  ]
  return lines.join('\n')
}
