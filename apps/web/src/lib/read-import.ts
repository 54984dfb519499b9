/**
 * The import dialog's reader: the schema package's readDeployment (values.yaml, `helm get values`
 * output, the export file, a bundle zip), loaded on demand only, like lib/bundle-tools.ts.
 */
export {
  type ImportedDeployment as ReadImport,
  readDeployment as readImport,
  type VersionSource,
  versionFromHelmList,
} from '@portkey-setup/schema'
