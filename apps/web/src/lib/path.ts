import type { PathSegment } from './schema-path'

export const toName = (path: readonly PathSegment[]) => path.join('.')
export const toPath = (name: string): string[] => name.split('.')
