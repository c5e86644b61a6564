import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * What makes the audit trail hard to rewrite unseen (owned by features/audit and features/ledgers).
 *  - audit_chain_key: the HMAC key of the audit hash chain (derived once from the township's signing key and kept,
 *    so a USB backup can drop the private key and still be checked, and a new signing key does not orphan the chain).
 *  - audit_anchors: every head of the chain that left this database (a package to the county, a backup on a stick):
 *    the chain may never again be shorter than it, or different before it.
 *  - package_reservations: the sequence number of a package is taken here before anything is written, so a crash
 *    between writing and renaming can never hand the same number to the next package.
 */
export const auditChainKey = sqliteTable('audit_chain_key', {
  id: integer('id').primaryKey(),
  keyHex: text('key_hex').notNull(),
  createdAt: text('created_at').notNull(),
});

export const auditAnchors = sqliteTable('audit_anchors', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(), // package | backup
  ref: text('ref').notNull(), // the package folder or the backup file
  rows: integer('rows').notNull(),
  headHash: text('head_hash'),
  at: text('at').notNull(),
  /** HMAC of the other fields with the chain key: an anchor cannot be planted without the key. */
  mac: text('mac').notNull(),
}, (t) => [index('audit_anchors_rows_idx').on(t.rows)]);

export const packageReservations = sqliteTable('package_reservations', {
  sequence: integer('sequence').primaryKey(),
  period: text('period').notNull(),
  folderName: text('folder_name').notNull(),
  destination: text('destination').notNull(),
  reservedAt: text('reserved_at').notNull(),
  state: text('state').notNull(), // reserved | exported | abandoned
  note: text('note'),
});
