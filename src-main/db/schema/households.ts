import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { regions } from './core';

/** A 低保 household (户). Money in fen. JSON columns hold lists (causes, flags). */
export const households = sqliteTable('households', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  certificateNo: text('certificate_no'), // 低保证号
  category: text('category').notNull(), // see domain/glossary CATEGORIES
  status: text('status').notNull(), // 申请中 在保 渐退 停保 未通过
  villageId: integer('village_id').notNull().references(() => regions.id),
  groupId: integer('group_id').references(() => regions.id),
  address: text('address').notNull().default(''),
  headMemberId: integer('head_member_id'),
  /**
   * The head's pinyin_full, copied so the list sorted by head walks an index instead of joining and sorting every
   * household (county scale: 120,000 households). Kept by triggers (migration 0018), never written by app code;
   * `cli check` compares it with the head's row (households.headPinyinInSync).
   */
  headPinyin: text('head_pinyin'),
  coverMode: text('cover_mode').notNull().default('整户保'), // 整户保 | 单人保
  startMonth: text('start_month'), // YYYY-MM
  causes: text('causes').notNull().default('[]'),
  housing: text('housing').notNull().default(''),
  vehicles: text('vehicles').notNull().default(''),
  propertyNotes: text('property_notes').notNull().default(''),
  bankName: text('bank_name').notNull().default(''),
  bankAccount: text('bank_account').notNull().default(''),
  monthlyAmountFen: integer('monthly_amount_fen').notNull().default(0),
  topUpFen: integer('top_up_fen').notNull().default(0), // 分类施保金
  flags: text('flags').notNull().default('[]'),
  exitedAt: text('exited_at'),
  /** 低保边缘家庭: the precondition of 单人保 (2021办法). */
  edgeFamily: integer('edge_family', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [index('households_village_idx').on(t.villageId, t.groupId), index('households_status_idx').on(t.status),
  index('households_category_idx').on(t.category),
  // The list's common pages without sorting the filtered set: 在保 by head, all by head (rowid is the tie-break),
  // and by amount (the list's sort expression) within a status or a village's status (count from the index too).
  index('households_head_pinyin_idx').on(t.headPinyin),
  index('households_status_head_idx').on(t.status, t.headPinyin),
  index('households_status_amount_idx').on(t.status, sql`(${t.monthlyAmountFen} + ${t.topUpFen})`),
  index('households_village_status_amount_idx').on(t.villageId, t.status, sql`(${t.monthlyAmountFen} + ${t.topUpFen})`)]);

export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  householdId: integer('household_id').notNull().references(() => households.id),
  name: text('name').notNull(),
  idNumber: text('id_number').notNull(), // 18 chars, uppercase X
  sex: text('sex').notNull(), // 男 | 女
  birthDate: text('birth_date').notNull(),
  relation: text('relation').notNull(), // 与户主关系
  covered: integer('covered', { mode: 'boolean' }).notNull().default(true),
  health: text('health').notNull().default('健康'),
  illnessType: text('illness_type').notNull().default(''),
  disabilityType: text('disability_type').notNull().default(''),
  disabilityGrade: integer('disability_grade'),
  disabilityCertNo: text('disability_cert_no').notNull().default(''),
  labourCapacity: text('labour_capacity').notNull().default('有'),
  employment: text('employment').notNull().default(''),
  school: text('school').notNull().default(''),
  hukou: text('hukou').notNull().default(''),
  phone: text('phone').notNull().default(''),
  state: text('state').notNull().default('在户'), // 在户 | 死亡 | 迁出 | 移出
  deathDate: text('death_date'),
  leftDate: text('left_date'),
  pinyinInitials: text('pinyin_initials').notNull().default(''),
  pinyinFull: text('pinyin_full').notNull().default(''),
  createdAt: text('created_at').notNull(),
}, (t) => [
  uniqueIndex('members_id_number_uq').on(t.idNumber),
  index('members_household_idx').on(t.householdId),
  // Covering indexes for search: the household id comes from the index, no row lookups (31 ms → 7 ms for 10k hits).
  // They also serve plain lookups by name, pinyin or the last 4/6 ID digits (their leading column), so no
  // single-column twins: every index costs each member insert (50,000 in a roster import).
  index('members_name_hh_idx').on(t.name, t.householdId),
  index('members_pinyin_hh_idx').on(t.pinyinInitials, t.householdId),
  index('members_pinyin_full_hh_idx').on(t.pinyinFull, t.householdId),
  index('members_id_last4_hh_idx').on(sql`substr(${t.idNumber}, -4)`, t.householdId),
  index('members_id_last6_hh_idx').on(sql`substr(${t.idNumber}, -6)`, t.householdId),
]);

/** Monthly income items per member, in fen. excluded = not counted; deducted = a deduction. */
export const incomeItems = sqliteTable('income_items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id),
  type: text('type').notNull(),
  monthlyFen: integer('monthly_fen').notNull(),
  excluded: integer('excluded', { mode: 'boolean' }).notNull().default(false),
  deducted: integer('deducted', { mode: 'boolean' }).notNull().default(false),
  note: text('note').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
}, (t) => [index('income_member_idx').on(t.memberId)]);

/** Changes are events, not edits: the household timeline. */
export const householdEvents = sqliteTable('household_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  householdId: integer('household_id').notNull().references(() => households.id),
  memberId: integer('member_id'),
  type: text('type').notNull(),
  date: text('date').notNull(),
  reason: text('reason').notNull().default(''),
  operator: text('operator').notNull(),
  payload: text('payload').notNull().default('{}'),
  createdAt: text('created_at').notNull(),
}, (t) => [index('household_events_hh_idx').on(t.householdId)]);
