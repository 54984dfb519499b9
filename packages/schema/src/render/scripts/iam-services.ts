import type { DeploymentConfig } from '../../config/index.js'
import { IAM_FILES, IAM_POLICY_NAMES } from '../iam-files.js'
import type { BundleFile } from '../types.js'
import { NEED_AWS, SECTION_CHANGES, SECTION_CHECKS, script } from './common.js'
import { fromScripts, roleVars, sameAccountCheck } from './iam-log-store.js'

const roleMustExist = (prefix: string, what: string) => [
  `aws iam get-role --role-name "$${prefix}_NAME" >/dev/null 2>&1 ||`,
  `  fail "role $${prefix}_ARN does not exist yet: ${what}"`,
]

/** Bedrock on the principal role: one inline policy. */
const bedrockPrincipalScript = (principalArn: string, region: string): BundleFile =>
  script({
    name: 'iam-bedrock.sh',
    summary: 'Lets the principal role (the role the gateway already runs as) invoke Amazon Bedrock models.',
    vars: [
      ...roleVars('PRINCIPAL', principalArn),
      ['BEDROCK_REGION', region],
      ['POLICY_FILE', fromScripts(IAM_FILES.bedrockInvoke)],
      ['POLICY_NAME', IAM_POLICY_NAMES.bedrockInvoke],
    ],
    helpers: ['need', 'noPlaceholderIn', 'awsAccount'],
    body: [
      SECTION_CHECKS,
      NEED_AWS,
      'no_placeholder_in "$POLICY_FILE"',
      ...sameAccountCheck('PRINCIPAL'),
      ...roleMustExist('PRINCIPAL', 'set up the log store role first (the other iam-*.sh script).'),
      '',
      SECTION_CHANGES,
      'echo "Putting inline policy $POLICY_NAME on role $PRINCIPAL_NAME."',
      'aws iam put-role-policy --role-name "$PRINCIPAL_NAME" --policy-name "$POLICY_NAME" --policy-document "file://$POLICY_FILE"',
      'echo "Done. In Bedrock virtual keys use role $PRINCIPAL_ARN and region $BEDROCK_REGION."',
    ],
  })

/**
 * Bedrock on a separate role the principal assumes. The two roles may live in different accounts;
 * the script does the half that belongs to the account its credentials are in and says so.
 */
const bedrockSeparateScript = (principalArn: string, separateArn: string, region: string): BundleFile =>
  script({
    name: 'iam-bedrock.sh',
    summary: `Creates the separate Bedrock role (trust: the principal role), lets it invoke Bedrock models,
and lets the principal role assume it. With roles in two accounts, run it once with each account's credentials.`,
    vars: [
      ...roleVars('PRINCIPAL', principalArn),
      ...roleVars('BEDROCK', separateArn, true),
      ['BEDROCK_REGION', region],
      ['TRUST_FILE', fromScripts(IAM_FILES.bedrockTrust)],
      ['INVOKE_FILE', fromScripts(IAM_FILES.bedrockInvoke)],
      ['ASSUME_FILE', fromScripts(IAM_FILES.bedrockAssume)],
      ['INVOKE_POLICY', IAM_POLICY_NAMES.bedrockInvoke],
      ['ASSUME_POLICY', IAM_POLICY_NAMES.bedrockAssume],
    ],
    helpers: ['need', 'noPlaceholderIn', 'awsAccount', 'ensureRole'],
    body: [
      SECTION_CHECKS,
      NEED_AWS,
      'no_placeholder_in "$TRUST_FILE"',
      'no_placeholder_in "$INVOKE_FILE"',
      'no_placeholder_in "$ASSUME_FILE"',
      'account="$(aws_account)"',
      'if [ "$account" != "$BEDROCK_ACCOUNT" ] && [ "$account" != "$PRINCIPAL_ACCOUNT" ]; then',
      '  fail "the aws CLI works in account $account, but the roles are in $PRINCIPAL_ACCOUNT and $BEDROCK_ACCOUNT: switch credentials (e.g. AWS_PROFILE=...)."',
      'fi',
      'if [ "$account" = "$PRINCIPAL_ACCOUNT" ]; then',
      `  ${roleMustExist('PRINCIPAL', 'set up the log store role first (the other iam-*.sh script).').join('\n  ')}`,
      'fi',
      '',
      SECTION_CHANGES,
      'if [ "$account" = "$BEDROCK_ACCOUNT" ]; then',
      '  ensure_role "$BEDROCK_NAME" "$TRUST_FILE" "$BEDROCK_PATH"',
      '  echo "Putting inline policy $INVOKE_POLICY on role $BEDROCK_NAME."',
      '  aws iam put-role-policy --role-name "$BEDROCK_NAME" --policy-name "$INVOKE_POLICY" --policy-document "file://$INVOKE_FILE"',
      'fi',
      'if [ "$account" = "$PRINCIPAL_ACCOUNT" ]; then',
      '  echo "Putting inline policy $ASSUME_POLICY on role $PRINCIPAL_NAME."',
      '  aws iam put-role-policy --role-name "$PRINCIPAL_NAME" --policy-name "$ASSUME_POLICY" --policy-document "file://$ASSUME_FILE"',
      'fi',
      'if [ "$BEDROCK_ACCOUNT" != "$PRINCIPAL_ACCOUNT" ]; then',
      '  echo "The roles live in two accounts: run this script again with credentials for the other one."',
      'fi',
      'echo "In Bedrock virtual keys use role $BEDROCK_ARN, region $BEDROCK_REGION and your ExternalId if you set one."',
    ],
  })

/** Finetunes and log exports: the role must exist; the script grants it the buckets. */
const dataServiceScript = (roleArn: string): BundleFile =>
  script({
    name: 'iam-data-service.sh',
    summary:
      'Grants the data service role (FINETUNES_AWS_ROLE_ARN) access to the finetunes and log export buckets.',
    vars: [
      ...roleVars('ROLE', roleArn),
      ['POLICY_FILE', fromScripts(IAM_FILES.dataService)],
      ['POLICY_NAME', IAM_POLICY_NAMES.dataService],
    ],
    helpers: ['need', 'noPlaceholderIn', 'awsAccount'],
    body: [
      SECTION_CHECKS,
      NEED_AWS,
      'no_placeholder_in "$POLICY_FILE"',
      ...sameAccountCheck('ROLE'),
      ...roleMustExist(
        'ROLE',
        'create it with a trust policy that lets the gateway identity assume it (the same trust as the log store role), then run this again.',
      ),
      '',
      SECTION_CHANGES,
      'echo "Putting inline policy $POLICY_NAME on role $ROLE_NAME."',
      'aws iam put-role-policy --role-name "$ROLE_NAME" --policy-name "$POLICY_NAME" --policy-document "file://$POLICY_FILE"',
      'echo "Done: $ROLE_ARN can read and write the data service buckets."',
    ],
  })

export const serviceIamScripts = (c: DeploymentConfig): BundleFile[] => {
  const out: BundleFile[] = []
  const b = c.bedrock
  if (b.enabled)
    out.push(
      b.role === 'separate' && b.separateRoleArn
        ? bedrockSeparateScript(b.principalRoleArn, b.separateRoleArn, b.region)
        : bedrockPrincipalScript(b.principalRoleArn, b.region),
    )
  if (c.dataService.enabled) out.push(dataServiceScript(c.dataService.finetunesRoleArn))
  return out
}
