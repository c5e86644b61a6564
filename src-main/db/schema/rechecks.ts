// Tables of the rechecks feature (复核, 专项治理, 疑点). Owned by that feature; re-exported from index.ts.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { households, members } from './households';
import { regions } from './core';

/** A recheck done on a household (定期复核, 死亡复核, 专项, 疑点核查): it resets the household's schedule clock. */
export const recheckRecords = sqliteTable('recheck_records', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  householdId: integer('household_id').notNull().references(() => households.id),
  kind: text('kind').notNull(), // 定期复核 | 死亡复核 | 专项复核 | 疑点核查
  date: text('date').notNull(),
  campaignId: integer('campaign_id'),
  outcome: text('outcome').notNull(), // 维持 增发 减发 停保 渐退
  findings: text('findings').notNull().default(''),
  checkedBy: text('checked_by').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('recheck_records_hh_idx').on(t.householdId, t.date)]);

/** An extra recheck a household owes before a date (a death: within 3 months). Resolved by a later recheck. */
export const recheckTriggers = sqliteTable('recheck_triggers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  householdId: integer('household_id').notNull().references(() => households.id),
  memberId: integer('member_id'),
  reason: text('reason').notNull(),
  eventDate: text('event_date').notNull(),
  dueDate: text('due_date').notNull(),
  resolvedAt: text('resolved_at'),
  createdAt: text('created_at').notNull(),
}, (t) => [index('recheck_triggers_hh_idx').on(t.householdId)]);

/** The township's staff and village cadres who form the campaign teams (驻村领导, 驻村干部, 村干部). */
export const teamMembers = sqliteTable('team_members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  role: text('role').notNull(),
  phone: text('phone').notNull().default(''),
  villageId: integer('village_id').references(() => regions.id),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
});

/** A special recheck campaign (专项治理 / 专项提升行动). scope: 'date' = all households in 保 on scopeDate, or a filter. */
export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  basis: text('basis').notNull().default(''),
  scopeDate: text('scope_date').notNull(),
  scopeFilter: text('scope_filter').notNull().default('{}'),
  status: text('status').notNull().default('进行中'), // 进行中 | 已总结
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

export const campaignPhases = sqliteTable('campaign_phases', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  name: text('name').notNull(),
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  sort: integer('sort').notNull().default(0),
}, (t) => [index('campaign_phases_c_idx').on(t.campaignId)]);

/** One team per village per campaign: who leads (驻村领导) and who serves (驻村干部, 村干部). */
export const campaignTeamSeats = sqliteTable('campaign_team_seats', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  villageId: integer('village_id').notNull().references(() => regions.id),
  teamMemberId: integer('team_member_id').notNull().references(() => teamMembers.id),
  role: text('role').notNull(),
}, (t) => [uniqueIndex('campaign_team_seat_uq').on(t.campaignId, t.villageId, t.teamMemberId)]);

/**
 * A household inside a campaign. suggestedFlags: [{code, reason}] the app found in the data at scope time;
 * flags: the key categories (1–9) the team confirmed. decisionRef: the change decision it went through.
 */
export const campaignHouseholds = sqliteTable('campaign_households', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  householdId: integer('household_id').notNull().references(() => households.id),
  villageId: integer('village_id').notNull(),
  amountBeforeFen: integer('amount_before_fen').notNull(),
  suggestedFlags: text('suggested_flags').notNull().default('[]'),
  flags: text('flags').notNull().default('[]'),
  visitDate: text('visit_date'),
  findings: text('findings').notNull().default(''),
  checkResult: text('check_result').notNull().default(''), // 核对结果
  outcome: text('outcome'), // 维持 增发 减发 停保 渐退
  reason: text('reason').notNull().default(''),
  newAmountFen: integer('new_amount_fen'),
  checkedBy: text('checked_by').notNull().default(''),
  checkedAt: text('checked_at'),
  decisionRef: text('decision_ref'),
  updatedAt: text('updated_at').notNull(),
}, (t) => [uniqueIndex('campaign_household_uq').on(t.campaignId, t.householdId), index('campaign_households_v_idx').on(t.campaignId, t.villageId)]);

/** The signed 清理核实登记表 came back: when, and the inbox/archive reference of its scan. */
export const campaignSignoffs = sqliteTable('campaign_signoffs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  villageId: integer('village_id').notNull().references(() => regions.id),
  returnedDate: text('returned_date').notNull(),
  scanRef: text('scan_ref').notNull().default(''),
  recordedBy: text('recorded_by').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [uniqueIndex('campaign_signoff_uq').on(t.campaignId, t.villageId)]);

/** One county 疑点 list as imported: its header order (for the feedback export) and the mapping used. */
export const suspectImports = sqliteTable('suspect_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  county: text('county').notNull(),
  fileName: text('file_name').notNull(),
  headers: text('headers').notNull(), // JSON string[] in the county's order
  mapping: text('mapping').notNull(), // JSON {idNumber, name, reason, result, action, checker, date} → header
  rowCount: integer('row_count').notNull(),
  unmatched: text('unmatched').notNull().default('[]'), // JSON [{row, idNumber, name, problem}]
  importedBy: text('imported_by').notNull(),
  importedAt: text('imported_at').notNull(),
});

/** A 疑点 that matched a member: a task to check and answer 属实 / 不属实 / 部分属实. */
export const suspectTasks = sqliteTable('suspect_tasks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  importId: integer('import_id').notNull().references(() => suspectImports.id),
  rowNo: integer('row_no').notNull(),
  raw: text('raw').notNull(), // JSON string[] of the original cells, in header order
  idNumber: text('id_number').notNull(),
  name: text('name').notNull(),
  suspectReason: text('suspect_reason').notNull().default(''),
  memberId: integer('member_id').notNull().references(() => members.id),
  householdId: integer('household_id').notNull().references(() => households.id),
  result: text('result'), // 属实 | 不属实 | 部分属实
  action: text('action').notNull().default(''),
  checker: text('checker').notNull().default(''),
  checkDate: text('check_date'),
  updatedAt: text('updated_at').notNull(),
}, (t) => [index('suspect_tasks_import_idx').on(t.importId), index('suspect_tasks_hh_idx').on(t.householdId)]);
