// Tables of the notices feature (公示). Owned by that feature; re-exported from index.ts.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { regions } from './core';
import { households } from './households';

/**
 * A notice as it was posted on a village board: kind, scope, period, where and when, the board photo.
 * village_id null = all villages (one file, a village per page run).
 */
export const noticePostings = sqliteTable('notice_postings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(), // 初审公示 | 确认公布 | 长期公示 | 停保公示
  villageId: integer('village_id').references(() => regions.id),
  groupId: integer('group_id').references(() => regions.id),
  periodStart: text('period_start').notNull(),
  periodEnd: text('period_end'), // null for 长期公示
  postedAt: text('posted_at').notNull(), // the day it went on the board
  place: text('place').notNull(), // e.g. 一村村务公开栏
  /** The board photo, kept in the archive store by hash: <dataDir>/archive-store/<sha256> (ext as the archive detected it). */
  photoSha256: text('photo_sha256'),
  photoExt: text('photo_ext'),
  photoName: text('photo_name'),
  printedFile: text('printed_file'), // outbox name of the PDF that was posted
  note: text('note').notNull().default(''),
  closedAt: text('closed_at'), // the period ended and was closed (初审公示 → the procedure moves on)
  closedNote: text('closed_note').notNull().default(''),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('notice_postings_kind_idx').on(t.kind, t.periodStart), index('notice_postings_village_idx').on(t.villageId)]);

/** What the posted notice listed, row by row, exactly as printed (a snapshot: later edits do not change it). */
export const noticePostingItems = sqliteTable('notice_posting_items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  postingId: integer('posting_id').notNull().references(() => noticePostings.id),
  householdId: integer('household_id').notNull().references(() => households.id),
  headName: text('head_name').notNull(), // masked when the head is a minor
  familySize: integer('family_size').notNull(),
  coveredSize: integer('covered_size').notNull(),
  amountFen: integer('amount_fen').notNull(),
  category: text('category').notNull(),
  place: text('place').notNull(), // 村/组 as printed
}, (t) => [index('notice_items_posting_idx').on(t.postingId), index('notice_items_household_idx').on(t.householdId)]);

/** An objection (异议) received during a posting, and how it was handled. */
export const noticeObjections = sqliteTable('notice_objections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  postingId: integer('posting_id').notNull().references(() => noticePostings.id),
  householdId: integer('household_id').references(() => households.id), // the household objected to, if any
  receivedAt: text('received_at').notNull(),
  via: text('via').notNull().default('来访'), // 来访 | 来电 | 来信 | 其他
  complainant: text('complainant').notNull().default(''), // may stay empty (anonymous)
  content: text('content').notNull(),
  handling: text('handling').notNull().default(''), // 重新调查 | 民主评议 | 说明解释 …
  result: text('result'), // 属实 | 不属实 | 部分属实; null = not yet handled
  handledAt: text('handled_at'),
  handledBy: text('handled_by'),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('notice_objections_posting_idx').on(t.postingId)]);
