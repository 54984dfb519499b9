import { DataServiceEnabledSchema } from '../config/data-service.js'
import { S3AssumeLogStoreSchema } from '../config/log-store.js'
import { IAM_FILES, IAM_POLICY_NAMES } from '../render/iam-files.js'
import { dataServicePolicy, partitionOf } from '../render/iam-policies.js'
import { json, q, section, shell, step } from './blocks.js'
import { SCRIPT_FILES, scriptHint } from './files.js'
import { s3BucketStep } from './s3.js'
import type { GuideSection, GuideStep } from './types.js'
import { isPlaceholder, pick, rec, roleName, type View, valid } from './view.js'

const TITLE = 'Data service'

export const dataServiceGuide = (v: View): GuideSection => {
  const d = rec(v.root.dataService)
  if (d.enabled !== true)
    return section(
      'dataService',
      'disabled',
      TITLE,
      'The data service (finetuning, log exports) is not deployed.',
    )

  const shape = DataServiceEnabledSchema.shape
  const finetunes = pick(shape.finetunesBucket, d.finetunesBucket, 'finetunes-bucket')
  const exportsBucket =
    d.logExportsBucket === undefined
      ? undefined
      : pick(shape.logExportsBucket, d.logExportsBucket, 'log-exports-bucket')
  const roleArn = pick(shape.finetunesRoleArn, d.finetunesRoleArn, 'finetunes-role-arn')
  const name = roleName(roleArn)
  // The data service shares the gateway's log store, so its buckets normally live in the same region.
  const region = valid(S3AssumeLogStoreSchema.shape.region, rec(v.root.logStore).region) ?? '<region>'
  const buckets = [...new Set([finetunes, ...(exportsBucket ? [exportsBucket] : [])])]

  const steps: GuideStep[] = [
    ...buckets.map((b, i) =>
      s3BucketStep(
        `dataService.bucket.${i}`,
        b,
        region,
        b === finetunes
          ? 'Finetuning datasets and results are kept here (S3 only).'
          : 'Log exports are written here.',
      ),
    ),
    step(
      'dataService.policy',
      'Let the finetunes role use the buckets',
      `FINETUNES_AWS_ROLE_ARN names ${roleArn}. It needs to list, read, write and delete objects in ${buckets.join(' and ')}.${scriptHint(SCRIPT_FILES.iamDataService)}`,
      [
        json(
          IAM_FILES.dataService,
          dataServicePolicy(buckets, isPlaceholder(roleArn) ? 'aws' : partitionOf(roleArn)),
        ),
        shell(
          'Attach the policy',
          `aws iam put-role-policy --role-name ${q(name)} --policy-name ${q(IAM_POLICY_NAMES.dataService)} \\`,
          `  --policy-document file://${IAM_FILES.dataService}`,
        ),
      ],
    ),
  ]
  const exportNote = exportsBucket ? `, log exports to ${exportsBucket}` : ''
  return section(
    'dataService',
    'enabled',
    TITLE,
    `The data service is deployed (dataservice.enabled: true); finetunes go to ${finetunes}${exportNote}, with role ${roleArn}.`,
    steps,
  )
}
