import {
  DEFAULT_REGISTRY_SERVER,
  REGISTRY_SECRET_NAME,
  RegistryCreateSchema,
  RegistryExistingSchema,
} from '../config/registry.js'
import { q, section, shell, step } from './blocks.js'
import { SCRIPT_FILES } from './files.js'
import { mirrorSteps } from './images.js'
import type { GuideSection } from './types.js'
import { pick, rec, type View } from './view.js'

const TITLE = 'Image registry'

export const registryGuide = (v: View): GuideSection => {
  const r = rec(v.root.registry)
  if (r.mode === 'create') {
    const user = pick(RegistryCreateSchema.shape.username, r.username, 'docker-user')
    const mode = rec(v.root.secrets).mode
    // Outside inline mode the password must stay out of values.yaml, so create-secret.sh makes the secret.
    const maker =
      mode === 'existingSecret' || mode === 'vault' || mode === 'awsSecretsManager'
        ? SCRIPT_FILES.createSecret
        : 'The chart'
    return section(
      'registry',
      'create',
      TITLE,
      `${maker} creates the image pull secret ${REGISTRY_SECRET_NAME} from the Docker user ${user} and the token Portkey shared; nothing to prepare.`,
      mirrorSteps(v),
    )
  }
  if (r.mode !== 'existing')
    return section(
      'registry',
      'unset',
      TITLE,
      'Choose whether the chart creates the image pull secret or uses one you already have.',
    )

  const name = pick(RegistryExistingSchema.shape.secretName, r.secretName, 'pull-secret-name')
  const ns = q(v.namespace)
  return section(
    'registry',
    'existing',
    TITLE,
    `The gateway pulls its images with the existing pull secret ${name} in namespace ${v.namespace}.`,
    [
      step(
        'registry.existing.create',
        'Create the pull secret (skip if it exists)',
        `The chart only refers to ${name}; it must already be in namespace ${v.namespace} when you install. Build it from the Docker user and token Portkey shared. The token is read from the terminal so it stays out of your shell history.`,
        [
          shell(
            'Create the namespace and the pull secret',
            `kubectl get namespace ${ns} >/dev/null 2>&1 || kubectl create namespace ${ns}`,
            `read -r -s -p 'Docker token from Portkey: ' DOCKER_TOKEN && echo`,
            `kubectl create secret docker-registry ${q(name)} --namespace ${ns} \\`,
            `  --docker-server=${q(DEFAULT_REGISTRY_SERVER)} \\`,
            `  --docker-username=${q('<docker-user>')} \\`,
            `  --docker-password="$DOCKER_TOKEN"`,
          ),
          shell('Check it is there', `kubectl get secret ${q(name)} --namespace ${ns}`),
        ],
      ),
      ...mirrorSteps(v),
    ],
  )
}
