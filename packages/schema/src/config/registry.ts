import { z } from 'zod'
import { isSingleLine, k8sName, secret, text } from './fields.js'

export const DEFAULT_REGISTRY_SERVER = 'https://index.docker.io/v1/'
export const REGISTRY_SECRET_NAME = 'portkeyenterpriseregistrycredentials'

const registryServer = text('Registry server', 512).refine(
  (v) => /^(https?:\/\/)?[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~/-]*)?$/.test(v),
  {
    error:
      'Registry server is not valid: use a registry URL such as https://index.docker.io/v1/ or a host[:port].',
  },
)

export const RegistryCreateSchema = z
  .strictObject({
    mode: z.literal('create').describe('The chart creates the image pull secret from these credentials.'),
    server: registryServer
      .default(DEFAULT_REGISTRY_SERVER)
      .describe('Registry the Portkey images are pulled from.'),
    username: text('Registry username', 256).describe('Docker user name shared by Portkey.'),
    password: secret('Registry password or token').describe('Docker token shared by Portkey.'),
    email: z
      .string()
      .max(254, { error: 'Registry email is too long: use at most 254 characters.' })
      .regex(/^([^\s@]+@[^\s@]+)?$/, {
        error: 'Registry email is not an email address: use name@example.com or leave it empty.',
      })
      .refine(isSingleLine, {
        error: 'Registry email must be a single line: remove control or invisible characters.',
      })
      .optional()
      .describe('Optional email stored in the pull secret.'),
  })
  .describe('Create the pull secret from the registry credentials Portkey shared.')

export const RegistryExistingSchema = z
  .strictObject({
    mode: z.literal('existing').describe('Use an image pull secret that already exists in the namespace.'),
    secretName: k8sName('Pull secret name').describe('Name of the existing docker-registry Secret.'),
  })
  .describe('Reference a pull secret you manage yourself.')

export const RegistrySchema = z
  .discriminatedUnion('mode', [RegistryCreateSchema, RegistryExistingSchema], {
    error: (iss) =>
      iss.input === undefined
        ? 'Registry is required: choose "create" with the credentials Portkey shared, or "existing" with a pull secret name.'
        : 'Registry mode must be "create" (give credentials) or "existing" (name a pull secret).',
  })
  .describe('How the cluster authenticates to the Portkey image registry.')

export type Registry = z.infer<typeof RegistrySchema>
