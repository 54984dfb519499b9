import type { AzureAuth, S3AssumeAuth } from '@portkey-setup/schema'
import type { ComponentType } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { PemField } from '../../components/pem-field'
import { OptInToggle, SwitchField } from '../../components/switch-field'
import type { FormValues } from '../../lib/initial-values'
import { branchOf } from '../branches'
import { useBranchSwitch } from '../use-branch-switch'

const KeyPair = ({ base = 'logStore' }: { base?: string }) => (
  <>
    <Field name={`${base}.accessKey`} />
    <Field name={`${base}.secretKey`} />
  </>
)

export const MongoFields = () => {
  const { setValue, clearErrors } = useFormContext<FormValues>()
  const tlsCa = useWatch<FormValues>({ name: 'logStore.tlsCa' })
  return (
    <>
      <Field name="logStore.connectionUrl" />
      <Field name="logStore.database" />
      <Field name="logStore.collection" />
      <Field name="logStore.hooksCollection" />
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
          <Field name="logStore.tlsCa.fileName" />
          <PemField name="logStore.tlsCa.pem" fileNameField="logStore.tlsCa.fileName" />
        </div>
      ) : null}
    </>
  )
}

/** S3, Wasabi and GCS: the same four fields; each store's schema names them (GCS: HMAC keys). */
export const S3Fields = () => (
  <>
    <Field name="logStore.region" />
    <Field name="logStore.bucket" />
    <KeyPair />
  </>
)

export const NetappFields = () => (
  <>
    <Field name="logStore.basePath" type="url" />
    <Field name="logStore.region" />
    <Field name="logStore.bucket" />
    <KeyPair />
  </>
)

/** The fields of each way to get the role: a method added to the schema fails typecheck here. */
const S3_ASSUME_AUTH_FIELDS = {
  access_keys: () => (
    <>
      <KeyPair base="logStore.auth" />
      <Field name="logStore.auth.roleArn" />
      <Field name="logStore.auth.externalId" />
      <Field name="logStore.auth.portkeyPrincipalArn" />
    </>
  ),
  irsa: () => (
    <>
      <Field name="logStore.auth.roleArn" />
      <Field name="logStore.auth.clusterName" />
      <Field name="logStore.auth.oidcProviderUrl" type="url" />
    </>
  ),
  imds: () => (
    <>
      <SwitchField name="logStore.auth.imdsV1" />
      <Field name="logStore.auth.roleName" />
    </>
  ),
} satisfies Record<S3AssumeAuth['method'], ComponentType>

export const S3AssumeFields = () => {
  const method = useWatch<FormValues>({ name: 'logStore.auth.method' })
  const switchBranch = useBranchSwitch()
  const AuthFields = branchOf(S3_ASSUME_AUTH_FIELDS, method)
  return (
    <>
      <Field name="logStore.region" />
      <Field name="logStore.bucket" />
      <ChoiceCards name="logStore.auth.method" onChoose={(v) => switchBranch('logStore.auth', v)} compact />
      <div key={String(method)} className="nested">
        {AuthFields ? <AuthFields /> : null}
      </div>
    </>
  )
}

/** The fields of each way to sign in to Azure: a mode added to the schema fails typecheck here. */
const AZURE_AUTH_FIELDS = {
  key: () => <Field name="logStore.auth.key" />,
  managed: () => (
    <>
      <SwitchField name="logStore.auth.workloadIdentity" />
      <Field name="logStore.auth.clientId" />
    </>
  ),
  entra: () => (
    <>
      <Field name="logStore.auth.tenantId" />
      <Field name="logStore.auth.clientId" />
      <Field name="logStore.auth.clientSecret" />
    </>
  ),
} satisfies Record<AzureAuth['mode'], ComponentType>

export const AzureFields = () => {
  const mode = useWatch<FormValues>({ name: 'logStore.auth.mode' })
  const switchBranch = useBranchSwitch()
  const AuthFields = branchOf(AZURE_AUTH_FIELDS, mode)
  return (
    <>
      <Field name="logStore.account" />
      <Field name="logStore.container" />
      <ChoiceCards name="logStore.auth.mode" onChoose={(v) => switchBranch('logStore.auth', v)} compact />
      <div key={String(mode)} className="nested">
        {AuthFields ? <AuthFields /> : null}
      </div>
    </>
  )
}
