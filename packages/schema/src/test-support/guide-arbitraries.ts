import fc from 'fast-check'

/** Configs shaped like the real one, with anything at all in the leaves. */
export const partialConfig = fc.record(
  {
    chart: fc.record({ releaseName: fc.anything(), namespace: fc.anything(), version: fc.anything() }),
    registry: fc.record({ mode: fc.constantFrom('create', 'existing', 'x'), secretName: fc.anything() }),
    logStore: fc.record({
      type: fc.constantFrom('mongo', 's3', 's3_assume', 'wasabi', 'gcs', 'azure', 'netapp', 'nope'),
      region: fc.anything(),
      bucket: fc.anything(),
      basePath: fc.anything(),
      account: fc.anything(),
      container: fc.anything(),
      database: fc.anything(),
      connectionUrl: fc.anything(),
      tlsCa: fc.anything(),
      auth: fc.record({
        method: fc.constantFrom('access_keys', 'irsa', 'imds'),
        mode: fc.constantFrom('key', 'managed', 'entra'),
        roleArn: fc.anything(),
        externalId: fc.anything(),
        clusterName: fc.anything(),
        oidcProviderUrl: fc.anything(),
        roleName: fc.anything(),
        clientId: fc.anything(),
        imdsV1: fc.anything(),
      }),
    }),
    analytics: fc.record({
      store: fc.constantFrom('clickhouse', 'control_plane'),
      user: fc.anything(),
      endpoint: fc.anything(),
    }),
    otel: fc.record({ enabled: fc.boolean(), endpoint: fc.anything(), resourceAttributes: fc.anything() }),
    cache: fc.record({
      store: fc.constantFrom('redis', 'aws-elastic-cache', 'custom'),
      url: fc.anything(),
      tls: fc.anything(),
    }),
    sync: fc.record({ organisations: fc.anything() }),
    bedrock: fc.record({
      enabled: fc.boolean(),
      role: fc.constantFrom('principal', 'separate'),
      principalRoleArn: fc.anything(),
      separateRoleArn: fc.anything(),
      externalId: fc.anything(),
      region: fc.anything(),
    }),
    dataService: fc.record({
      enabled: fc.boolean(),
      finetunesBucket: fc.anything(),
      logExportsBucket: fc.anything(),
    }),
    secrets: fc.record({
      mode: fc.constantFrom('inline', 'existingSecret', 'vault'),
      secretName: fc.anything(),
      secretPath: fc.anything(),
      role: fc.anything(),
      host: fc.anything(),
    }),
  },
  { requiredKeys: [] },
)
