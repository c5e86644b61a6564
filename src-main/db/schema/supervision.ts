// Tables of the supervision feature (近亲属备案, 信访举报, 银行卡代管, 专项治理台账). Owned by that feature.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { regions } from './core';
import { households, members } from './households';

/** 低保经办人员 and 村(居)委会成员 whose near relatives must be registered (2012办法 art. 14). */
export const supervisedStaff = sqliteTable('supervised_staff', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(), // 经办人员 | 村(居)委会成员
  name: text('name').notNull(),
  idNumber: text('id_number').notNull(),
  unit: text('unit').notNull().default(''), // 单位: 镇民政办 / XX村委会
  villageId: integer('village_id').references(() => regions.id),
  post: text('post').notNull().default(''), // 职务
  termStart: text('term_start'),
  termEnd: text('term_end'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true), // false = 离任
  leftDate: text('left_date'),
  note: text('note').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [index('supervised_staff_id_number_idx').on(t.idNumber)]);

/** A declared near relative of a staff member ("谁的亲属，谁申报"). */
export const staffRelatives = sqliteTable('staff_relatives', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  staffId: integer('staff_id').notNull().references(() => supervisedStaff.id),
  name: text('name').notNull(),
  idNumber: text('id_number').notNull(),
  relation: text('relation').notNull(), // from the setting supervision.relations
  declaredDate: text('declared_date').notNull(),
  removedAt: text('removed_at'),
  removedReason: text('removed_reason').notNull().default(''),
  note: text('note').notNull().default(''),
  createdAt: text('created_at').notNull(),
}, (t) => [index('staff_relatives_id_number_idx').on(t.idNumber), index('staff_relatives_staff_idx').on(t.staffId)]);

/**
 * A relative found among household members (by 身份证号): one case to file separately (单独登记备案).
 * Active while the relative and the staff member are; the filing fields record the 备案 with the county.
 */
export const relativeMatches = sqliteTable('relative_matches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  relativeId: integer('relative_id').notNull().references(() => staffRelatives.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  householdId: integer('household_id').notNull().references(() => households.id), // at match time
  trigger: text('trigger').notNull(), // 登记近亲属 | 新增成员 | 受理申请 | 全面比对
  matchedAt: text('matched_at').notNull(),
  filingNo: text('filing_no').notNull().default(''),
  filedDate: text('filed_date'), // 报县级民政部门备案日期
  countyVisitDate: text('county_visit_date'), // 县级入户核查日期
  countyVisitBy: text('county_visit_by').notNull().default(''),
  note: text('note').notNull().default(''),
  updatedAt: text('updated_at').notNull(),
}, (t) => [uniqueIndex('relative_matches_uq').on(t.relativeId, t.memberId), index('relative_matches_member_idx').on(t.memberId)]);

/** A seeded random spot-check draw of filed cases; population and seed are kept so it can be redrawn. */
export const spotChecks = sqliteTable('spot_checks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  seed: integer('seed').notNull(),
  sampleSize: integer('sample_size').notNull(),
  population: text('population').notNull(), // JSON: match ids, ascending
  drawn: text('drawn').notNull(), // JSON: match ids in draw order
  drawnBy: text('drawn_by').notNull(),
  drawnAt: text('drawn_at').notNull(),
  note: text('note').notNull().default(''),
});

export const spotCheckItems = sqliteTable('spot_check_items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  spotCheckId: integer('spot_check_id').notNull().references(() => spotChecks.id),
  matchId: integer('match_id').notNull().references(() => relativeMatches.id),
  result: text('result').notNull().default(''), // 符合 | 不符合 | 待核查 ('' = not yet)
  checkedBy: text('checked_by').notNull().default(''),
  checkedDate: text('checked_date'),
  note: text('note').notNull().default(''),
}, (t) => [index('spot_check_items_check_idx').on(t.spotCheckId)]);

/** 信访举报 register. */
export const complaints = sqliteTable('complaints', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  receivedDate: text('received_date').notNull(),
  channel: text('channel').notNull(), // 电话 | 来信 | 来访 | 网络 | 上级转办
  anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
  reporterName: text('reporter_name').notNull().default(''),
  reporterContact: text('reporter_contact').notNull().default(''),
  content: text('content').notNull(),
  handler: text('handler').notNull().default(''),
  deadline: text('deadline').notNull(),
  steps: text('steps').notNull().default(''),
  result: text('result').notNull().default(''),
  closedDate: text('closed_date'),
  transferredDate: text('transferred_date'), // 移交纪检监察
  transferredTo: text('transferred_to').notNull().default(''),
  replyDate: text('reply_date'),
  replyContent: text('reply_content').notNull().default(''),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [index('complaints_received_idx').on(t.receivedDate), index('complaints_deadline_idx').on(t.deadline)]);

export const complaintHouseholds = sqliteTable('complaint_households', {
  complaintId: integer('complaint_id').notNull().references(() => complaints.id),
  householdId: integer('household_id').notNull().references(() => households.id),
}, (t) => [uniqueIndex('complaint_households_uq').on(t.complaintId, t.householdId), index('complaint_households_hh_idx').on(t.householdId)]);

/** 银行卡代管登记: a recipient's card held by someone else, with the written agreement and the county filing. */
export const cardCustody = sqliteTable('card_custody', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  householdId: integer('household_id').notNull().references(() => households.id),
  memberId: integer('member_id').references(() => members.id), // whose card
  bankName: text('bank_name').notNull().default(''),
  holderName: text('holder_name').notNull(),
  holderIdNumber: text('holder_id_number').notNull().default(''),
  holderRelation: text('holder_relation').notNull(), // relation of the holder to the cardholder
  holderIsStaff: integer('holder_is_staff', { mode: 'boolean' }).notNull().default(false), // 工作人员/村干部代持
  reason: text('reason').notNull().default(''),
  startDate: text('start_date').notNull(),
  endDate: text('end_date'),
  agreementFile: text('agreement_file'), // inbox name of the scanned written agreement
  filedDate: text('filed_date'), // 报县级备案日期
  note: text('note').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [index('card_custody_household_idx').on(t.householdId)]);

/** 专项治理工作台账: one ledger per campaign year, tasks copied from a template (rechecks owns the household campaign). */
export const governanceLedgers = sqliteTable('governance_ledgers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [uniqueIndex('governance_ledgers_year_title_uq').on(t.year, t.title)]);

export const governanceTasks = sqliteTable('governance_tasks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ledgerId: integer('ledger_id').notNull().references(() => governanceLedgers.id),
  seq: integer('seq').notNull(),
  section: text('section').notNull().default(''),
  title: text('title').notNull(),
  content: text('content').notNull().default(''),
  deadline: text('deadline'),
  deadlineNote: text('deadline_note').notNull().default(''),
  responsible: text('responsible').notNull().default(''),
  status: text('status').notNull().default('未开始'), // 未开始 | 进行中 | 已完成
  progress: text('progress').notNull().default(''),
  evidence: text('evidence').notNull().default(''),
  evidenceFiles: text('evidence_files').notNull().default('[]'), // JSON inbox names
  updatedAt: text('updated_at').notNull(),
}, (t) => [index('governance_tasks_ledger_idx').on(t.ledgerId)]);
