// The 经办人 → 审核人 handoff of 初审 / 审核确认 records. Owned by the applications feature (handoff.ts).
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { applications, applicationSteps } from './applications';

/**
 * A 初审意见 or 审核确认 record a 经办人 prepared for a reviewer: it becomes a step only when the reviewer
 * confirms it (the step is then signed by the reviewer's account); a return keeps the reviewer's note.
 * Rows are never deleted: status moves 待审核 → 已确认 | 已退回.
 */
export const applicationHandoffs = sqliteTable('application_handoffs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  applicationId: integer('application_id').notNull().references(() => applications.id),
  kind: text('kind').notNull(), // preliminary | confirm | refuseConfirm
  date: text('date').notNull(), // the business date written on the record
  opinion: text('opinion').notNull().default(''),
  reason: text('reason').notNull().default(''),
  preparedByUserId: integer('prepared_by_user_id'),
  preparedBy: text('prepared_by').notNull(),
  preparedAt: text('prepared_at').notNull(),
  status: text('status').notNull().default('待审核'),
  decidedByUserId: integer('decided_by_user_id'),
  decidedBy: text('decided_by'),
  decidedAt: text('decided_at'),
  note: text('note').notNull().default(''), // the reviewer's note on a return
  stepId: integer('step_id').references(() => applicationSteps.id),
}, (t) => [index('application_handoffs_app_idx').on(t.applicationId), index('application_handoffs_status_idx').on(t.status)]);
