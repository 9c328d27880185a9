import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * What a bundle import wrote, per call and importer: the bundle's id of an organization, person or
 * application → the database row it became or was matched to. A re-import finds its rows here, so the same
 * bundle changes nothing and a changed one updates what changed.
 */
export const importKeys = pgTable(
  'import_keys',
  {
    callId: text('call_id').notNull(),
    /** A department's id, or `province`. */
    importer: text('importer').notNull(),
    entityType: text('entity_type', { enum: ['organization', 'person', 'application'] }).notNull(),
    bundleId: text('bundle_id').notNull(),
    dbId: uuid('db_id').notNull(),
    /** The import created the row (it may update it later); false: it matched a row it never changes. */
    created: boolean('created').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.importer, t.entityType, t.bundleId] }),
    index('import_keys_db_idx').on(t.entityType, t.dbId),
  ],
);
