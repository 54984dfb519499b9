/**
 * The heavy half of the schema package (renderers, jszip, the YAML importer). Only ever imported
 * dynamically, through this module, so the bundler keeps it out of the first step's JavaScript.
 */
export { buildBundle, importValues, renderBundleFiles } from '@portkey-setup/schema'
