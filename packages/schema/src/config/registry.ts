import { z } from 'zod'
import { doc, isSingleLine, k8sName, option, secret, text } from './fields.js'
import { SINGLE_LINE } from './patterns.js'

export const DEFAULT_REGISTRY_SERVER = 'https://index.docker.io/v1/'
export const REGISTRY_SECRET_NAME = 'portkeyenterpriseregistrycredentials'

const registryServer = text('Registry server', 512).regex(
  /^(https?:\/\/)?[A-Za-z0-9.-]+(:[0-9]{1,5})?(\/[A-Za-z0-9._~/-]*)?$/,
  {
    error:
      'Registry server is not valid: use a registry URL such as https://index.docker.io/v1/ or a host[:port].',
  },
)

export const RegistryCreateSchema = z
  .strictObject({
    mode: option(
      'create',
      'Use the credentials Portkey sent',
      'Choose this if you have the Docker username and token from Portkey; the chart makes the pull secret.',
    ),
    server: registryServer
      .default(DEFAULT_REGISTRY_SERVER)
      .meta(doc('The registry the Portkey images are pulled from.')),
    username: text('Username', 256).meta(doc('The Docker user name Portkey shared.')),
    password: secret('Password or access token').meta(doc('The Docker token Portkey shared.')),
    email: z
      .string()
      .max(254, { error: 'Email is too long: use at most 254 characters.' })
      .regex(/^([^\s@]+@[^\s@]+)?$/, {
        error: 'Email is not an email address: use name@example.com or leave it empty.',
      })
      .regex(SINGLE_LINE, {
        error: 'Email must be a single line: remove control or invisible characters.',
        abort: true,
      })
      .refine(isSingleLine, {
        error: 'Email must be a single line: remove control or invisible characters.',
      })
      .optional()
      .meta({ title: 'Email', ...doc('An email address to store in the pull secret, if you want one.') }),
  })
  .describe('Create the pull secret from the registry credentials Portkey shared.')

export const RegistryExistingSchema = z
  .strictObject({
    mode: option(
      'existing',
      'Use a pull secret I already have',
      'Choose this if your cluster already holds a docker-registry Secret for the Portkey images.',
    ),
    secretName: k8sName('Pull secret name').meta(
      doc('The name of the docker-registry Secret in the namespace.'),
    ),
  })
  .describe('Reference a pull secret you manage yourself.')

export const RegistrySchema = z
  .discriminatedUnion('mode', [RegistryCreateSchema, RegistryExistingSchema], {
    error: (iss) =>
      iss.input === undefined
        ? 'Registry is required: choose "create" with the credentials Portkey shared, or "existing" with a pull secret name.'
        : 'Registry mode must be "create" (give credentials) or "existing" (name a pull secret).',
  })
  .meta({
    title: 'Image pull credentials',
    description: 'How the cluster authenticates to the Portkey image registry.',
  })

export type Registry = z.infer<typeof RegistrySchema>
