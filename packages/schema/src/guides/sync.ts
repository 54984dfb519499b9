import { SyncSchema } from '../config/sync.js'
import { section } from './blocks.js'
import type { GuideSection } from './types.js'
import { rec, type View, valid } from './view.js'

/** Sync needs only what Portkey shares (client auth key, organisation ids): no steps. */
export const syncGuide = (v: View): GuideSection => {
  const s = rec(v.root.sync)
  const element = SyncSchema.shape.organisations.element
  const orgs = Array.isArray(s.organisations)
    ? s.organisations.map((o) => valid(element, o)).filter((o): o is string => o !== undefined)
    : []
  const summary = orgs.length
    ? `The gateway syncs organisation${orgs.length > 1 ? 's' : ''} ${orgs.join(', ')} from the Portkey control plane with the client auth key Portkey shared.`
    : 'Enter the client auth key and the organisation ids Portkey shared; nothing else to prepare.'
  return section('sync', orgs.length ? 'organisations' : 'unset', 'Sync with Portkey', summary)
}
