import { parse } from 'yaml'
import { readBundle, text } from '../support/bundle.js'
import { expect, test } from '../support/fixtures.js'
import { LOG_STORE_PATHS, secretFor } from '../support/log-store-paths.js'
import { choose, downloadBundle, expectStep, openWizard, walk } from '../support/wizard.js'

/**
 * The Kubernetes step on a production-shaped path: resources and an autoscaler, typed on the step,
 * refused at the field while the minimum is above the maximum, then downloaded: values.yaml carries
 * the resources and the HPA settings, and the bundle adds its PodDisruptionBudget.
 */
test('Kubernetes step: resources and HPA reach values.yaml, with a PodDisruptionBudget', async ({ page }) => {
  const s3 = LOG_STORE_PATHS.find((p) => p.id === 's3')
  if (!s3) throw new Error('no s3 path')
  const opt = (label: string) => page.getByLabel(label, { exact: false }).and(page.locator('input'))
  await openWizard(page)
  await walk(page, {
    registry: { mode: 'create', username: 'acme-e2e', password: secretFor('k8s', 'registry') },
    logStore: s3.fill,
    sync: { clientAuth: secretFor('k8s', 'client-auth'), organisations: ['org-e2e-k8s'] },
    steps: {
      kubernetes: async () => {
        await opt('CPU request').fill('500m')
        await opt('Memory request').fill('512Mi')
        await opt('CPU limit').fill('2')
        await opt('Memory limit').fill('1Gi')
        await choose(page, 'Autoscaling (HorizontalPodAutoscaler)')
        await opt('Minimum replicas').fill('3')
        await opt('Maximum replicas').fill('2')
        await opt('CPU target').fill('70')
        // The rule spans two fields: it is reported at the maximum, with the fix.
        await page.getByRole('button', { name: 'Next: Exposure' }).click()
        await expect(page.locator('[data-field="kubernetes.scaling.maxReplicas"]')).toContainText(
          'below the minimum',
        )
        await expectStep(page, 'kubernetes')
        await opt('Maximum replicas').fill('6')
      },
    },
  })
  const bundle = await readBundle(await downloadBundle(page))
  expect(bundle.values.resources).toEqual({
    requests: { cpu: '500m', memory: '512Mi' },
    limits: { cpu: '2', memory: '1Gi' },
  })
  expect(bundle.values.autoscaling).toEqual({
    enabled: true,
    minReplicas: 3,
    maxReplicas: 6,
    targetCPUUtilizationPercentage: 70,
    targetMemoryUtilizationPercentage: null,
  })
  expect(bundle.values.replicaCount).toBeUndefined()
  const pdb = parse(text(bundle, 'pod-disruption-budget.yaml'))
  expect(pdb).toMatchObject({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    spec: {
      maxUnavailable: 1,
      selector: {
        matchLabels: { 'app.kubernetes.io/name': 'gateway', 'app.kubernetes.io/instance': 'portkey-ai' },
      },
    },
  })
  expect(text(bundle, 'scripts/install.sh')).toContain('pod-disruption-budget.yaml')
  expect(text(bundle, 'scripts/uninstall.sh')).toContain('poddisruptionbudget')
})
