// Files the app wrote to <dataDir>/outbox (PDFs, xlsx, copies of scans). Owned by ipc/outbox.ts; re-exported from index.ts.
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/**
 * One row per produced file: who may fetch it is the permission of the channel that made it (a 只读 user cannot
 * download a ledger that ledgers.exportLedger refuses them). Names carry a random part, so they cannot be guessed;
 * a file without a row is never served.
 */
export const outboxFiles = sqliteTable('outbox_files', {
  name: text('name').primaryKey(),
  permission: text('permission').notNull(), // a Permission from ipc/permissions
  /** Only the app's own rendered PDFs are shown inline; everything else is served as an attachment. */
  inline: integer('inline', { mode: 'boolean' }).notNull().default(false),
  channel: text('channel').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});
