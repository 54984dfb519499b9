import { MongoLogStoreSchema, MongoTlsCaSchema } from '../config/log-store.js'
import { SHARED_MOUNT_DIR } from '../env/index.js'
import { q, section, shell, step } from './blocks.js'
import type { GuideSection, GuideStep } from './types.js'
import { pick, type Rec, rec, type View, valid } from './view.js'

const DOCDB_CA_URL = 'https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem'

export const mongoGuide = (_v: View, ls: Rec): GuideSection => {
  const db = pick(MongoLogStoreSchema.shape.database, ls.database, 'database')
  const coll = pick(MongoLogStoreSchema.shape.collection, ls.collection, 'collection')
  const hooks = pick(MongoLogStoreSchema.shape.hooksCollection, ls.hooksCollection, 'hooks-collection')
  const hasCa = ls.tlsCa !== undefined
  const caFile = hasCa ? pick(MongoTlsCaSchema.shape.fileName, rec(ls.tlsCa).fileName, 'ca-file') : undefined
  // The URL holds the password, so it is only tested, never shown.
  const url = valid(MongoLogStoreSchema.shape.connectionUrl, ls.connectionUrl)
  const isDocDb = url !== undefined && /docdb(-elastic)?\.amazonaws\.com/i.test(url)

  const steps: GuideStep[] = [
    step(
      'logStore.mongo.user',
      'Give the gateway its own database user',
      `The gateway only reads and writes its two collections, so a user with readWrite on ${db} is enough. MongoDB creates the collections on the first write. Run this as an administrator; mongosh asks for the new password, which then goes into the connection URL.`,
      [
        shell(
          'Create the user (mongosh)',
          `mongosh ${q('<admin-connection-url>')} --eval ${q(
            `db.getSiblingDB(${JSON.stringify(db)}).createUser({ user: "portkey-gateway", pwd: passwordPrompt(), roles: [{ role: "readWrite", db: ${JSON.stringify(db)} }] })`,
          )}`,
        ),
      ],
      [
        {
          label: 'MongoDB: createUser',
          url: 'https://www.mongodb.com/docs/manual/reference/method/db.createUser/',
        },
      ],
    ),
  ]
  if (isDocDb && !hasCa)
    steps.push(
      step(
        'logStore.mongo.docdb-ca',
        'Add the Amazon DocumentDB CA',
        'DocumentDB requires TLS with a certificate signed by the Amazon RDS CA. Download the bundle and upload it under "TLS CA" in portkey-setup; the bundle then mounts it and adds tlsCAFile to the URL.',
        [shell('Download the CA bundle', `curl -fsSLo global-bundle.pem ${q(DOCDB_CA_URL)}`)],
        [
          {
            label: 'Amazon DocumentDB: TLS',
            url: 'https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html',
          },
        ],
      ),
    )

  const ca = caFile
    ? ` TLS trusts the CA in resources-config.yaml, mounted at ${SHARED_MOUNT_DIR}/${caFile}.`
    : ''
  return section(
    'logStore',
    'mongo',
    'Log store: MongoDB',
    `Logs go to database ${db}, collections ${coll} and ${hooks}.${ca}`,
    steps,
  )
}
