// Tables of the payroll feature (月度发放名册). Owned by features/payroll; re-exported from index.ts.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * One row per closed month (锁定). While a row exists the month's lines, persons and changes below are frozen:
 * ledgers, statistics, the bank file and the county package read them, never today's households. A reopen
 * (admin, with reason, before export) deletes the snapshot and records itself in payroll_reopens.
 */
export const payrollMonths = sqliteTable('payroll_months', {
  period: text('period').primaryKey(), // YYYY-MM
  source: text('source').notNull().default('计算'), // 计算 (from the decisions) | 导入 (history from the office's 发放表)
  closedOn: text('closed_on').notNull(), // business date of 锁定
  closedBy: text('closed_by').notNull(), // username
  closedByName: text('closed_by_name').notNull(),
  households: integer('households').notNull(),
  persons: integer('persons').notNull(),
  baseFen: integer('base_fen').notNull(),
  topUpFen: integer('top_up_fen').notNull(),
  /** 补发 minus 扣回 paid in this month for earlier months. */
  adjustFen: integer('adjust_fen').notNull(),
  totalFen: integer('total_fen').notNull(),
  /** SHA-256 over the frozen lines, so `check` can tell a snapshot edited behind the app's back. */
  digest: text('digest').notNull(),
  /** The month's statistics as they stood at 锁定 (JSON of the counts), so a later decision cannot move them. */
  statsJson: text('stats_json').notNull().default('{}'),
  exportedAt: text('exported_at'),
  closedAt: text('closed_at').notNull(),
});

/** One line per household paid in a closed month, as it was paid. */
export const payrollLines = sqliteTable('payroll_lines', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  period: text('period').notNull(),
  seq: integer('seq').notNull(),
  householdId: integer('household_id'), // null for an imported line that matched no household
  village: text('village').notNull(),
  grp: text('grp').notNull().default(''),
  headName: text('head_name').notNull(),
  headId: text('head_id').notNull().default(''),
  certificateNo: text('certificate_no').notNull().default(''),
  category: text('category').notNull(),
  cause: text('cause').notNull().default(''),
  family: integer('family').notNull().default(0),
  covered: integer('covered').notNull(),
  status: text('status').notNull(), // 在保 | 渐退
  startMonth: text('start_month').notNull().default(''),
  baseFen: integer('base_fen').notNull(),
  topUpFen: integer('top_up_fen').notNull(),
  bankName: text('bank_name').notNull().default(''),
  bankAccount: text('bank_account').notNull().default(''),
  decisionRef: text('decision_ref').notNull().default(''),
  decisionLabel: text('decision_label').notNull().default(''),
}, (t) => [uniqueIndex('payroll_lines_period_hh_uq').on(t.period, t.seq), index('payroll_lines_hh_idx').on(t.householdId, t.period)]);

/** Members of the paid households in a closed month (the roster's member sheet and the county's person list). */
export const payrollPersons = sqliteTable('payroll_persons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  period: text('period').notNull(),
  lineSeq: integer('line_seq').notNull(),
  name: text('name').notNull(),
  idNumber: text('id_number').notNull(),
  relation: text('relation').notNull().default(''),
  sex: text('sex').notNull().default(''),
  birthDate: text('birth_date').notNull().default(''),
  health: text('health').notNull().default(''),
  disability: text('disability').notNull().default(''),
  disabilityGrade: integer('disability_grade'),
  labour: text('labour').notNull().default(''),
  covered: integer('covered', { mode: 'boolean' }).notNull(),
}, (t) => [index('payroll_persons_period_idx').on(t.period, t.lineSeq)]);

/** The month's change lines against the previous month (新增 停发 增发 减发 渐退) and its 补发/扣回 lines. */
export const payrollChanges = sqliteTable('payroll_changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  period: text('period').notNull(),
  householdId: integer('household_id').notNull(),
  kind: text('kind').notNull(),
  /** 补发/扣回: the closed month the money is for; otherwise the period itself. */
  forMonth: text('for_month').notNull(),
  beforeFen: integer('before_fen').notNull(),
  afterFen: integer('after_fen').notNull(),
  /** 补发 positive, 扣回 negative, 0 for the other kinds (their money is in the line). */
  amountFen: integer('amount_fen').notNull().default(0),
  label: text('label').notNull(), // 村 户主
  decisionRef: text('decision_ref').notNull().default(''),
  decisionLabel: text('decision_label').notNull().default(''),
  decisionDate: text('decision_date').notNull().default(''),
}, (t) => [index('payroll_changes_period_idx').on(t.period), index('payroll_changes_hh_idx').on(t.householdId, t.forMonth)]);

/** Every reopen of a closed month: who, when, why, and what the month had been. Insert-only. */
export const payrollReopens = sqliteTable('payroll_reopens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  period: text('period').notNull(),
  reason: text('reason').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  previousTotalFen: integer('previous_total_fen').notNull(),
  previousDigest: text('previous_digest').notNull(),
  at: text('at').notNull(),
});

/** Values of seed 002's 进展情况 items the app cannot count, entered per month by the office. */
export const statsEntries = sqliteTable('stats_entries', {
  period: text('period').notNull(),
  key: text('key').notNull(),
  value: text('value').notNull(), // a number, or for dates 'MM-DD'
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [uniqueIndex('stats_entries_uq').on(t.period, t.key)]);

/**
 * The feature ledgers of a closed month (复核结果, 信访举报台账, 银行卡代管登记, 疑点核查反馈, 专项治理工作台账,
 * 近亲属备案台账) as they stood at 锁定: the package of that month exports these rows, so a record changed or
 * backdated after the close cannot move them. Deleted with the month on 解锁.
 */
export const payrollLedgerRows = sqliteTable('payroll_ledger_rows', {
  period: text('period').notNull(),
  ledger: text('ledger').notNull(),
  rowsJson: text('rows_json').notNull(),
  rowCount: integer('row_count').notNull(),
}, (t) => [uniqueIndex('payroll_ledger_rows_uq').on(t.period, t.ledger)]);
