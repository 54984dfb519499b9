import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { fixtureConfig } from '../../test-support/fixture-configs.js'
import { BLANK_KEYS_AWK, secretValueKeys } from './export-values.js'

/** The export's blanking, run by the system awk the script uses, on the shapes helm get values prints. */
const blank = (yaml: string, keys: string[]) =>
  spawnSync('awk', ['-v', `keys=${keys.join(' ')}`, BLANK_KEYS_AWK], { input: yaml, encoding: 'utf8' })

const HELM_VALUES = `environment:
  data:
    LOG_STORE: s3
    LOG_STORE_SECRET_KEY: plain-secret-1
    MONGO_DB_CONNECTION_URL: "mongodb://u:quoted-secret-2@h/db"
    OTEL_EXPORTER_OTLP_HEADERS: Authorization=Bearer folded-secret-3 and more words that
      continue-secret-4 on the next line
    SERVICE_NAME: portkeyenterprise
imageCredentials:
- name: portkeyenterpriseregistrycredentials
  password: list-item-secret-5
  username: acme
vault:
  password: |
    block-secret-6
    block-secret-7
  path: kv/portkey
`

describe('export-values.sh blanking', () => {
  it('blanks every listed key whatever the shape of its value, and keeps the rest as written', () => {
    const keys = ['LOG_STORE_SECRET_KEY', 'MONGO_DB_CONNECTION_URL', 'OTEL_EXPORTER_OTLP_HEADERS', 'password']
    const r = blank(HELM_VALUES, keys)
    expect(r.status).toBe(0)
    expect(r.stdout).not.toMatch(/secret-\d/)
    expect(r.stdout).toBe(`environment:
  data:
    LOG_STORE: s3
    LOG_STORE_SECRET_KEY: ""
    MONGO_DB_CONNECTION_URL: ""
    OTEL_EXPORTER_OTLP_HEADERS: ""
    SERVICE_NAME: portkeyenterprise
imageCredentials:
- name: portkeyenterpriseregistrycredentials
  password: ""
  username: acme
vault:
  password: ""
  path: kv/portkey
`)
  })

  it('knows the secret env keys and the chart keys the config writes its secrets to', () => {
    const keys = secretValueKeys(fixtureConfig('s3'))
    expect(keys).toContain('LOG_STORE_SECRET_KEY')
    // The registry password sits at imageCredentials[0].password when written into values.yaml.
    expect(keys).toContain('password')
    expect(keys).not.toContain('LOG_STORE')
  })
})
