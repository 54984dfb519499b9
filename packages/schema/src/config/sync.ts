import { z } from 'zod'
import { doc, ident, objectError, secret } from './fields.js'

export const SyncSchema = z
  .strictObject(
    {
      clientAuth: secret('Client auth key', 1024).meta(
        doc('The key Portkey shared that lets this gateway sync with the control plane.', {
          env: 'PORTKEY_CLIENT_AUTH',
        }),
      ),
      organisations: z
        .array(
          ident(
            'Organisation ID',
            /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/,
            'use the organisation ID from Portkey (letters, digits, - and _).',
            128,
          ),
          { error: 'Organisations must be a list of organisation IDs.' },
        )
        .min(1, { error: 'Add at least one organisation ID to sync.' })
        .max(100, { error: 'At most 100 organisations can be synced.' })
        .meta({
          title: 'Organisations to sync',
          ...doc('The IDs of the organisations this gateway serves.', { env: 'ORGANISATIONS_TO_SYNC' }),
        }),
    },
    objectError('Sync', 'enter the client auth key and the organisations Portkey shared.'),
  )
  .meta({ title: 'Sync', description: 'Sync with the Portkey control plane.' })

export type Sync = z.infer<typeof SyncSchema>
