import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { fixtureConfig } from '../test-support/fixture-configs.js'
import { renderBundleFiles } from './index.js'
import { renderValuesYaml } from './values-yaml.js'

/**
 * The production fixture puts IRSA, the CSI volume of AWS Secrets Manager, an HPA, an Ingress with
 * TLS and an image mirror into one values.yaml: each keeps its keys when the others are there.
 */
describe('the production fixture', () => {
  const config = fixtureConfig('production')
  const values = parse(renderValuesYaml(config)) as Record<string, unknown>

  it('one service account carries the IRSA role of the log store, which reads the secret too', () => {
    expect(values.serviceAccount).toEqual({
      create: true,
      annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/PortkeyProdIrsa' },
    })
    expect(values.environment).toMatchObject({
      create: false,
      existingSecret: 'portkey-gateway-env',
      secretKeys: ['PORTKEY_CLIENT_AUTH', 'REDIS_URL'],
    })
    expect(values.volumes).toEqual([
      {
        name: 'secrets-store',
        csi: {
          driver: 'secrets-store.csi.k8s.io',
          readOnly: true,
          volumeAttributes: { secretProviderClass: 'portkey-ai-aws-secrets' },
        },
      },
    ])
  })

  it('sizes the pods with an HPA, routes an Ingress with TLS and pulls through the mirror', () => {
    expect(values.resources).toEqual({
      requests: { cpu: '500m', memory: '512Mi' },
      limits: { cpu: '2', memory: '1Gi' },
    })
    expect(values.autoscaling).toMatchObject({ enabled: true, minReplicas: 2, maxReplicas: 6 })
    expect(values.replicaCount).toBeUndefined()
    expect(values.ingress).toMatchObject({
      enabled: true,
      ingressClassName: 'nginx',
      hostname: 'gateway.acme.example.com',
      tls: [{ secretName: 'gateway-acme-tls', hosts: ['gateway.acme.example.com'] }],
    })
    const images = values.images as Record<string, { repository: string }>
    for (const image of Object.values(images))
      expect(image.repository.startsWith('registry.acme.internal:5000/dockerhub/')).toBe(true)
  })

  it('ships the scripts and files of every one of those choices', () => {
    expect(renderBundleFiles(config).map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'iam/irsa-trust-policy.json',
        'iam/s3-log-access-policy.json',
        'iam/secrets-manager-read-policy.json',
        'pod-disruption-budget.yaml',
        'secret-provider-class.yaml',
        'scripts/create-aws-secret.sh',
        'scripts/create-secret.sh',
        'scripts/iam-irsa.sh',
        'scripts/install-secrets-store-csi.sh',
        'secrets.env',
      ]),
    )
  })
})
