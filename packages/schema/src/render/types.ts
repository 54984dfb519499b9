/** One file of the bundle. mode is the POSIX permission (0o644 files, 0o755 scripts, 0o600 secrets.env). */
export type BundleFile = { path: string; content: string; mode: number }

export const FILE_MODE = 0o644
export const SCRIPT_MODE = 0o755
export const SECRET_MODE = 0o600
