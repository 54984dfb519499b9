import { describe, expect, it } from 'vitest'
import type { KObject } from './objects.js'
import { csiSyncedSecrets } from './world.js'

/** The Secrets Store CSI driver writes a class's secretObjects only while a pod mounts a volume of that class. */
const spc: KObject = {
  apiVersion: 'secrets-store.csi.x-k8s.io/v1',
  kind: 'SecretProviderClass',
  metadata: { name: 'rel-aws-secrets' },
  spec: {
    provider: 'aws',
    secretObjects: [{ secretName: 'synced', type: 'Opaque', data: [{ objectName: 'A', key: 'A' }] }],
  },
}
const deployment = (volumes: unknown[], mounts: { name: string; mountPath: string }[]): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'gw' },
  spec: { template: { spec: { containers: [{ name: 'gateway', volumeMounts: mounts }], volumes } } },
})
const csi = (cls: string) => ({
  name: 'secrets-store',
  csi: { driver: 'secrets-store.csi.k8s.io', volumeAttributes: { secretProviderClass: cls } },
})
const env = new Map([['A', 'a-value']])

describe('csiSyncedSecrets', () => {
  it('exists, with the values of the AWS secret, when a container mounts the class', () => {
    const d = deployment([csi('rel-aws-secrets')], [{ name: 'secrets-store', mountPath: '/mnt/s' }])
    expect(csiSyncedSecrets([d, spc], env)).toEqual([
      { kind: 'Secret', name: 'synced', data: new Map([['A', 'a-value']]) },
    ])
  })

  it('does not exist when the volume is not mounted, names another class, or is no CSI volume', () => {
    expect(csiSyncedSecrets([deployment([csi('rel-aws-secrets')], []), spc], env)).toEqual([])
    const other = deployment([csi('other')], [{ name: 'secrets-store', mountPath: '/mnt/s' }])
    expect(csiSyncedSecrets([other, spc], env)).toEqual([])
    const plain = deployment(
      [{ name: 'secrets-store', emptyDir: {} }],
      [{ name: 'secrets-store', mountPath: '/m' }],
    )
    expect(csiSyncedSecrets([plain, spc], env)).toEqual([])
  })
})
