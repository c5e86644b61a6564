// Tables of the applications feature. Owned by that feature; re-exported from index.ts.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { households } from './households';

/**
 * One 审核确认 case of a household. stage is a projection of the insert-only steps below (the domain's
 * foldSteps recomputes it); rule_set is fixed when the case starts.
 */
export const applications = sqliteTable('applications', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  householdId: integer('household_id').notNull().references(() => households.id),
  kind: text('kind').notNull().default('新申请'), // 新申请 | 变更
  ruleSet: text('rule_set').notNull(), // 2021 | 2012
  stage: text('stage').notNull(), // domain/procedure STAGES
  appliedOn: text('applied_on').notNull(),
  applicantName: text('applicant_name').notNull(),
  entrusted: integer('entrusted', { mode: 'boolean' }).notNull().default(false), // 委托村(居)委会代为申请
  reason: text('reason').notNull().default(''), // 申请理由
  delegated: integer('delegated', { mode: 'boolean' }).notNull().default(false), // 审核确认权限下放乡镇
  special: integer('special', { mode: 'boolean' }).notNull().default(false), // 特殊情况 45 个工作日
  /** 单独登记备案: a member is a near relative of staff or a village committee member (set manually or by supervision). */
  nearRelative: integer('near_relative', { mode: 'boolean' }).notNull().default(false),
  nearRelativeNote: text('near_relative_note').notNull().default(''),
  /** Confirmation needs a county home visit (near relative, or the 2012 30 % sample). */
  countyVisitRequired: integer('county_visit_required', { mode: 'boolean' }).notNull().default(false),
  amountFen: integer('amount_fen'),
  topUpFen: integer('top_up_fen'),
  /** The benefit calculation as confirmed (JSON of BenefitResult), kept so papers print what was decided. */
  calculation: text('calculation'),
  startMonth: text('start_month'),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [index('applications_household_idx').on(t.householdId), index('applications_stage_idx').on(t.stage)]);

/** Every step and decision: insert-only (who, role, when, opinion, reason, facts). */
export const applicationSteps = sqliteTable('application_steps', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  applicationId: integer('application_id').notNull().references(() => applications.id),
  kind: text('kind').notNull(), // domain/procedure StepKind
  date: text('date').notNull(), // the business date of the step
  stageAfter: text('stage_after').notNull(),
  opinion: text('opinion').notNull().default(''),
  reason: text('reason').notNull().default(''),
  payload: text('payload').notNull().default('{}'),
  userId: integer('user_id'),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('application_steps_app_idx').on(t.applicationId)]);

/** Change decisions on a household already 在保 (from a recheck, a campaign or a review): insert-only. */
export const benefitChanges = sqliteTable('benefit_changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  householdId: integer('household_id').notNull().references(() => households.id),
  decision: text('decision').notNull(), // 维持 增发 减发 停保 渐退
  source: text('source').notNull().default(''), // 复核 / 专项治理 / 渐退到期 …
  sourceRef: text('source_ref').notNull().default(''),
  date: text('date').notNull(),
  effectiveMonth: text('effective_month').notNull(),
  reason: text('reason').notNull(),
  beforeStatus: text('before_status').notNull(),
  afterStatus: text('after_status').notNull(),
  beforeAmountFen: integer('before_amount_fen').notNull(),
  afterAmountFen: integer('after_amount_fen').notNull(),
  beforeTopUpFen: integer('before_top_up_fen').notNull().default(0),
  afterTopUpFen: integer('after_top_up_fen').notNull().default(0),
  phaseOutEndMonth: text('phase_out_end_month'), // 渐退: last month paid
  /** 渐退 (2021办法 第三十三条): the decider confirmed the income rose above the standard through work, and how. */
  workIncomeConfirmed: integer('work_income_confirmed', { mode: 'boolean' }),
  workIncomeNote: text('work_income_note'),
  /** The calculation when decided (fen, base + top-up) and the covered persons it counted: what later facts are compared with. */
  calcFen: integer('calc_fen'),
  coveredCount: integer('covered_count'),
  userId: integer('user_id'),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('benefit_changes_household_idx').on(t.householdId)]);

/** 诚信 records: false declarations. The second within a year blocks new applications for one year. */
export const integrityRecords = sqliteTable('integrity_records', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  householdId: integer('household_id').notNull().references(() => households.id),
  applicationId: integer('application_id'),
  date: text('date').notNull(),
  kind: text('kind').notNull().default('虚假申报'),
  note: text('note').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('integrity_household_idx').on(t.householdId)]);
