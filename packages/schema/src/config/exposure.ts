import { z } from 'zod'
import { choice, doc, ident, k8sName, option, text } from './fields.js'

/**
 * How the gateway is reached: the type of its Service and an optional Ingress. The defaults
 * (ClusterIP, no Ingress) are what the bundle always wrote, so a config without this section
 * renders exactly as before.
 */

/** RFC 1123 host name in lowercase; no wildcard (the chart writes the host unquoted, where "*" is YAML). */
const INGRESS_HOST =
  /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/
const hostRule =
  'use a lowercase DNS name with at least one dot, such as gateway.example.com (letters, digits and hyphens between the dots, no wildcard, no IP address).'

/** An absolute URL path the chart can write unquoted into the Ingress. */
const URL_PATH = /^\/([A-Za-z0-9._~-]+\/?)*$/
const urlPath = (label: string) =>
  ident(
    label,
    URL_PATH,
    'start with / and use letters, digits and . _ ~ - between single slashes, e.g. /portkey.',
    256,
  )

/** Annotation name: an optional DNS-subdomain prefix and a slash, then a name of up to 63 characters. */
const ANNOTATION_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/

export const DEFAULT_INGRESS_CLASS = 'nginx'
export const DEFAULT_MCP_PATH = '/mcp'

export const IngressOffSchema = z.strictObject({
  enabled: option(false, 'No Ingress', 'The gateway is reached through its Service only.'),
})

export const IngressOnSchema = z.strictObject({
  enabled: option(
    true,
    'Ingress',
    'An ingress controller in the cluster should route a host name (and optionally TLS) to the gateway.',
  ),
  className: k8sName('Ingress class')
    .default(DEFAULT_INGRESS_CLASS)
    .meta(
      doc('The IngressClass of the controller that should serve it (the chart’s default is nginx).', {
        placeholder: DEFAULT_INGRESS_CLASS,
      }),
    ),
  host: ident('Host name', INGRESS_HOST, hostRule, 253).meta(
    doc('The DNS name clients use for the gateway; point it at your ingress controller.', {
      placeholder: 'gateway.example.com',
    }),
  ),
  path: urlPath('Gateway path')
    .default('/')
    .meta(doc('The path prefix routed to the gateway; / routes the whole host.', { placeholder: '/' })),
  tlsSecretName: k8sName('TLS Secret')
    .optional()
    .meta(
      doc(
        'A kubernetes.io/tls Secret in the namespace holding the certificate for the host; leave empty for plain HTTP.',
        { placeholder: 'gateway-example-com-tls' },
      ),
    ),
  annotations: z
    .record(
      z.string().regex(ANNOTATION_KEY, {
        error:
          'Annotation names are an optional DNS prefix and a slash, then up to 63 letters, digits, - _ . e.g. nginx.ingress.kubernetes.io/proxy-body-size.',
      }),
      text('Annotation value', 4096),
      {
        error: (iss) =>
          iss.code === 'invalid_key'
            ? 'Annotation names are an optional DNS prefix and a slash, then up to 63 letters, digits, - _ . e.g. nginx.ingress.kubernetes.io/proxy-body-size.'
            : 'Annotations must be an object of name → value.',
      },
    )
    .default({})
    .meta({
      title: 'Ingress annotations',
      ...doc('Settings for your ingress controller, such as cert-manager.io/cluster-issuer = letsencrypt.'),
    }),
  routing: choice('MCP routing', ['path', 'host'], {
    path: {
      title: 'By path',
      when: 'One host: the MCP server under its own path beside the gateway (chart 1.3.0 or later).',
    },
    host: {
      title: 'By host',
      when: 'The MCP server gets a host name of its own, mcp.<host> unless you name one (chart 1.3.0 or later).',
    },
  })
    .default('path')
    .meta(
      doc(
        'How the Ingress splits traffic when the gateway also runs its MCP server (SERVER_MODE all or mcp); without it only the gateway rule is written.',
      ),
    ),
  mcpPath: urlPath('MCP path')
    .default(DEFAULT_MCP_PATH)
    .meta(doc('The path prefix routed to the MCP server when routing by path.', { placeholder: '/mcp' })),
  mcpHost: ident('MCP host name', INGRESS_HOST, hostRule, 253)
    .optional()
    .meta(
      doc('The MCP server’s own host name when routing by host; empty means mcp.<host>.', {
        placeholder: 'mcp.gateway.example.com',
      }),
    ),
})

export const IngressSchema = z
  .discriminatedUnion('enabled', [IngressOffSchema, IngressOnSchema], {
    error: 'Ingress "enabled" must be true or false.',
  })
  .default({ enabled: false })
  .meta({
    title: 'Route a host name to the gateway through an Ingress',
    description: 'An Ingress object for the ingress controller already running in your cluster.',
  })

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const

export const ExposureSchema = z
  .strictObject({
    serviceType: choice('Service type', SERVICE_TYPES, {
      ClusterIP: {
        title: 'ClusterIP (default)',
        when: 'Reachable inside the cluster only: through an Ingress, or kubectl port-forward.',
      },
      NodePort: {
        title: 'NodePort',
        when: 'Opens a port on every node; for clusters without a load balancer.',
      },
      LoadBalancer: {
        title: 'LoadBalancer',
        when: 'Your cloud gives the gateway an external address of its own.',
      },
    })
      .default('ClusterIP')
      .meta(doc('The type of the gateway’s Kubernetes Service.')),
    ingress: IngressSchema,
  })
  .default({ serviceType: 'ClusterIP', ingress: { enabled: false } })
  .meta({ title: 'Exposure', description: 'How clients reach the gateway.' })

export type Exposure = z.infer<typeof ExposureSchema>
export type IngressOn = z.infer<typeof IngressOnSchema>
