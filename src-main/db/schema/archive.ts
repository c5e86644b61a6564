// Tables of the archive feature. Owned by that feature; re-exported from index.ts.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { households } from './households';

/**
 * One bag (档案袋) per household: where it sits (cabinet/box/bag numbers and the printed location code),
 * its 档号, its exit/retention state and its 备考表 fields. The 档号 never changes; a move changes the location.
 */
export const archiveBags = sqliteTable('archive_bags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  householdId: integer('household_id').notNull().references(() => households.id),
  archiveNo: text('archive_no').notNull(), // 档号
  fondsNo: text('fonds_no').notNull(), // 全宗号
  year: integer('year').notNull(), // 年度
  retentionCode: text('retention_code').notNull(), // 保管期限代码 (D10 …)
  pieceNo: integer('piece_no').notNull(), // 件号, per fonds and year
  villageId: integer('village_id').notNull(),
  groupId: integer('group_id'),
  containerKey: text('container_key').notNull(), // the box this bag sits in (depends on the level preset)
  cabinetNo: integer('cabinet_no').notNull(),
  boxNo: integer('box_no').notNull(),
  bagNo: integer('bag_no').notNull(), // position inside its box
  locationCode: text('location_code').notNull(),
  locationLabel: text('location_label').notNull(),
  status: text('status').notNull().default('在管'), // 在管 | 停保档案 | 已处置
  exitedAt: text('exited_at'),
  exitStatus: text('exit_status'), // 停保 | 未通过
  separate: integer('separate', { mode: 'boolean' }).notNull().default(false), // 单独管理 (近亲属)
  separateReason: text('separate_reason').notNull().default(''),
  remark: text('remark').notNull().default(''), // 备考表：情况说明
  filedBy: text('filed_by').notNull().default(''), // 立卷人
  checkedBy: text('checked_by').notNull().default(''), // 检查人
  remarkDate: text('remark_date'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [
  uniqueIndex('archive_bags_household_uq').on(t.householdId),
  uniqueIndex('archive_bags_archive_no_uq').on(t.archiveNo),
  index('archive_bags_container_idx').on(t.containerKey, t.bagNo),
  index('archive_bags_status_idx').on(t.status),
  // The next 件号 is MAX(piece_no) per fonds and year, asked once per new bag: without this index every
  // new household scanned all bags (quadratic roster import).
  index('archive_bags_fonds_year_piece_idx').on(t.fondsNo, t.year, t.pieceNo),
]);

/** Every move of a bag (household moved to another village/group), with both locations as printed. */
export const archiveBagMoves = sqliteTable('archive_bag_moves', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  bagId: integer('bag_id').notNull().references(() => archiveBags.id),
  fromLocation: text('from_location').notNull(),
  toLocation: text('to_location').notNull(),
  date: text('date').notNull(),
  reason: text('reason').notNull().default(''),
  operator: text('operator').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('archive_bag_moves_bag_idx').on(t.bagId)]);

/** The content-addressed store: one row per stored file <dataDir>/archive-store/<sha256>. */
export const archiveFiles = sqliteTable('archive_files', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  ext: text('ext').notNull(), // pdf | jpg | png | tif
  createdAt: text('created_at').notNull(),
});

/** 卷内目录 entries. Removing an entry marks it (who, when, why); nothing is deleted. */
export const archiveItems = sqliteTable('archive_items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  bagId: integer('bag_id').notNull().references(() => archiveBags.id),
  docType: text('doc_type').notNull(),
  docNo: text('doc_no').notNull().default(''), // 文号
  title: text('title').notNull(), // 题名
  responsible: text('responsible').notNull().default(''), // 责任者
  date: text('date').notNull(),
  pages: integer('pages').notNull().default(1),
  note: text('note').notNull().default(''),
  fileSha256: text('file_sha256').references(() => archiveFiles.sha256),
  fileName: text('file_name').notNull().default(''),
  source: text('source').notNull().default('手工登记'), // 手工登记 | 扫描上传 | 系统打印
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  removedAt: text('removed_at'),
  removedBy: text('removed_by'),
  removedReason: text('removed_reason'),
}, (t) => [index('archive_items_bag_idx').on(t.bagId), index('archive_items_file_idx').on(t.fileSha256)]);

/** 借阅登记. */
export const archiveBorrowings = sqliteTable('archive_borrowings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  bagId: integer('bag_id').notNull().references(() => archiveBags.id),
  borrower: text('borrower').notNull(),
  purpose: text('purpose').notNull().default(''),
  borrowedAt: text('borrowed_at').notNull(),
  dueDate: text('due_date').notNull(),
  returnedAt: text('returned_at'),
  lentBy: text('lent_by').notNull(),
  returnedTo: text('returned_to'),
  note: text('note').notNull().default(''),
  createdAt: text('created_at').notNull(),
}, (t) => [index('archive_borrowings_bag_idx').on(t.bagId), index('archive_borrowings_open_idx').on(t.returnedAt, t.dueDate)]);

/** 档案处置 (destruction or transfer after retention): a named approver, recorded; the bag row stays. */
export const archiveDisposals = sqliteTable('archive_disposals', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  bagId: integer('bag_id').notNull().references(() => archiveBags.id),
  method: text('method').notNull(), // 销毁 | 移交档案馆
  approver: text('approver').notNull(),
  approvedAt: text('approved_at').notNull(),
  note: text('note').notNull().default(''),
  operator: text('operator').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('archive_disposals_bag_idx').on(t.bagId)]);
