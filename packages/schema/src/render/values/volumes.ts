import { CA_VOLUME_NAME } from '../../chart/facts.js'
import type { DeploymentConfig } from '../../config/index.js'
import { SHARED_MOUNT_DIR } from '../../env/index.js'
import { logStoreChoice } from '../choices.js'
import { caConfigMapName } from '../resources-config.js'
import { type Entry, entry, map, seq, str, type YamlNode } from '../yaml-doc.js'
import { secretsStoreVolume } from './identity.js'

/** volumes and volumeMounts of the gateway: the Mongo CA, and the CSI volume of AWS Secrets Manager. */
export const volumeEntries = (c: DeploymentConfig): Entry[] => {
  const ls = c.logStore
  const volumes: YamlNode[] = []
  const mounts: YamlNode[] = []
  const why: string[] = []
  if (ls.type === 'mongo' && ls.tlsCa) {
    const file = ls.tlsCa.fileName
    volumes.push(
      map(
        entry('name', str(CA_VOLUME_NAME)),
        entry('configMap', map(entry('name', str(caConfigMapName(c))))),
      ),
    )
    mounts.push(
      map(
        entry('name', str(CA_VOLUME_NAME)),
        entry('mountPath', str(`${SHARED_MOUNT_DIR}/${file}`)),
        entry('subPath', str(file)),
      ),
    )
    why.push(
      `Mongo CA: the ConfigMap from resources-config.yaml, mounted where tlsCAFile in the URL points.`,
      `${logStoreChoice(c)}.`,
    )
  }
  const csi = secretsStoreVolume(c)
  if (csi) {
    volumes.push(csi.volume)
    mounts.push(csi.mount)
    why.push(
      'AWS Secrets Manager: the CSI driver fills the Secret named in environment.existingSecret only',
      'while a pod mounts this volume, so the gateway mounts it (the files are not read).',
    )
  }
  if (!volumes.length) return []
  return [entry('volumes', seq(...volumes), why, true), entry('volumeMounts', seq(...mounts))]
}
