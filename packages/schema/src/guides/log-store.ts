import { LOG_STORE_TYPES } from '../config/log-store.js'
import { azureGuide } from './azure.js'
import { section } from './blocks.js'
import { mongoGuide } from './mongo.js'
import { keyedStoreGuide } from './s3.js'
import { s3AssumeGuide } from './s3-assume.js'
import { minioGuide, s3CustomGuide } from './s3-custom.js'
import type { GuideSection } from './types.js'
import { rec, type View } from './view.js'

/** The log store guide for whichever type is chosen (or a prompt to choose one). */
export const logStoreGuide = (v: View): GuideSection => {
  const ls = rec(v.root.logStore)
  switch (ls.type) {
    case 'mongo':
      return mongoGuide(v, ls)
    case 's3':
    case 'wasabi':
    case 'gcs':
    case 'netapp':
      return keyedStoreGuide(v, ls.type, ls)
    case 's3_assume':
      return s3AssumeGuide(v, ls)
    case 'azure':
      return azureGuide(v, ls)
    case 's3_custom':
      return s3CustomGuide(v, ls)
    case 'minio':
      return minioGuide(v, ls)
    default:
      return section(
        'logStore',
        'unset',
        'Log store',
        `Choose where the gateway keeps its logs: ${LOG_STORE_TYPES.join(', ')}.`,
      )
  }
}
