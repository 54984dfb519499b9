import { useFormContext, useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { PemField } from '../../components/pem-field'
import { OptInToggle, SwitchField } from '../../components/switch-field'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'
import { AZURE_AUTH_CHOICES, S3_ASSUME_CHOICES } from './log-store-choices'

const KeyPair = ({
  accessLabel,
  secretLabel,
  base = 'logStore',
}: {
  accessLabel: string
  secretLabel: string
  base?: string
}) => (
  <>
    <Field name={`${base}.accessKey`} label={accessLabel} />
    <Field name={`${base}.secretKey`} label={secretLabel} />
  </>
)

export const MongoFields = () => {
  const { setValue, clearErrors } = useFormContext<FormValues>()
  const tlsCa = useWatch<FormValues>({ name: 'logStore.tlsCa' })
  return (
    <>
      <Field
        name="logStore.connectionUrl"
        label="Connection URL"
        placeholder="mongodb://user:password@host:27017/?tls=true"
      />
      <Field name="logStore.database" label="Database" />
      <Field name="logStore.collection" label="Log collection" />
      <Field name="logStore.hooksCollection" label="Generation hooks collection" />
      <OptInToggle
        id="mongo-tls-ca"
        label="Trust a custom CA certificate (e.g. Amazon DocumentDB)"
        checked={Boolean(tlsCa)}
        help="The certificate is shipped in a ConfigMap and mounted under /etc/shared/; tlsCAFile is added to the URL for you."
        onChange={(on) => {
          setValue('logStore.tlsCa' as never, (on ? { fileName: 'document_db.pem' } : undefined) as never, {
            shouldDirty: true,
          })
          clearErrors('logStore.tlsCa' as never)
        }}
      />
      {tlsCa ? (
        <div className="nested">
          <Field name="logStore.tlsCa.fileName" label="CA file name" />
          <PemField
            name="logStore.tlsCa.pem"
            fileNameField="logStore.tlsCa.fileName"
            label="CA certificate"
          />
        </div>
      ) : null}
    </>
  )
}

export const S3Fields = ({ type }: { type: 's3' | 'wasabi' | 'gcs' }) => (
  <>
    <Field name="logStore.region" label={type === 'gcs' ? 'Bucket location' : 'Region'} />
    <Field name="logStore.bucket" label="Bucket" />
    {type === 'gcs' ? (
      <KeyPair accessLabel="HMAC access key" secretLabel="HMAC secret" />
    ) : (
      <KeyPair accessLabel="Access key ID" secretLabel="Secret access key" />
    )}
  </>
)

export const NetappFields = () => (
  <>
    <Field name="logStore.basePath" label="S3 endpoint (base path)" type="url" />
    <Field name="logStore.region" label="Region" />
    <Field name="logStore.bucket" label="Bucket" />
    <KeyPair accessLabel="Access key ID" secretLabel="Secret access key" />
  </>
)

export const S3AssumeFields = () => {
  const method = useWatch<FormValues>({ name: 'logStore.auth.method' })
  const switchBranch = useBranchSwitch()
  return (
    <>
      <Field name="logStore.region" label="Region" />
      <Field name="logStore.bucket" label="Bucket" />
      <ChoiceCards
        name="logStore.auth.method"
        legend="How the gateway gets the role"
        choices={S3_ASSUME_CHOICES}
        onChoose={(v) => switchBranch('logStore.auth', v)}
        compact
      />
      <div key={String(method)} className="nested">
        {method === 'access_keys' ? (
          <>
            <KeyPair
              base="logStore.auth"
              accessLabel="Access key ID from Portkey"
              secretLabel="Secret access key from Portkey"
            />
            <Field
              name="logStore.auth.roleArn"
              label="Role ARN"
              placeholder="arn:aws:iam::123456789012:role/PortkeyLogs"
            />
            <Field name="logStore.auth.externalId" label="External ID" />
            <Field name="logStore.auth.portkeyPrincipalArn" label="Portkey principal ARN" />
          </>
        ) : method === 'irsa' ? (
          <>
            <Field
              name="logStore.auth.roleArn"
              label="Role ARN"
              placeholder="arn:aws:iam::123456789012:role/PortkeyIrsa"
            />
            <Field name="logStore.auth.clusterName" label="EKS cluster name" />
            <Field name="logStore.auth.oidcProviderUrl" label="OIDC provider URL" type="url" />
          </>
        ) : method === 'imds' ? (
          <>
            <SwitchField name="logStore.auth.imdsV1" label="Nodes use IMDSv1" />
            <Field name="logStore.auth.roleName" label="Instance role name" />
          </>
        ) : null}
      </div>
    </>
  )
}

export const AzureFields = () => {
  const mode = useWatch<FormValues>({ name: 'logStore.auth.mode' })
  const switchBranch = useBranchSwitch()
  return (
    <>
      <Field name="logStore.account" label="Storage account" />
      <Field name="logStore.container" label="Container" />
      <ChoiceCards
        name="logStore.auth.mode"
        legend="How the gateway signs in to the storage account"
        choices={AZURE_AUTH_CHOICES}
        onChoose={(v) => switchBranch('logStore.auth', v)}
        compact
      />
      <div key={String(mode)} className="nested">
        {mode === 'key' ? (
          <Field name="logStore.auth.key" label="Storage account key" />
        ) : mode === 'managed' ? (
          <Field name="logStore.auth.clientId" label="Managed identity client ID" />
        ) : mode === 'entra' ? (
          <>
            <Field name="logStore.auth.tenantId" label="Tenant ID" />
            <Field name="logStore.auth.clientId" label="Client ID" />
            <Field name="logStore.auth.clientSecret" label="Client secret" />
          </>
        ) : null}
      </div>
    </>
  )
}
