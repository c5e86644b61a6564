// Tables of the case-record feature (src-main/features/caseRecord): the tasks a member change opens.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { households } from './households';
import { applications, applicationSteps } from './applications';

/**
 * 待调整 / 待停保: opened when a member change moves the calculation away from the decided amount, or leaves no
 * living covered member. Closed only by a change decision (增发/减发/停保/渐退/维持) or when the facts come back.
 */
export const caseTasks = sqliteTable('case_tasks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  householdId: integer('household_id').notNull().references(() => households.id),
  kind: text('kind').notNull(), // 待调整 | 待停保
  state: text('state').notNull().default('open'), // open | done | withdrawn
  trigger: text('trigger').notNull(), // '成员死亡：张三' …
  triggerDate: text('trigger_date').notNull(),
  dueDate: text('due_date').notNull(),
  beforeFen: integer('before_fen').notNull(),
  afterFen: integer('after_fen').notNull(),
  /** The new calculation (JSON of BenefitResult) the 增发/减发 should follow; null for 待停保. */
  calculation: text('calculation'),
  closedBy: text('closed_by'), // '减发（变更决定 12）' …
  closedAt: text('closed_at'),
  createdAt: text('created_at').notNull(),
}, (t) => [index('case_tasks_household_idx').on(t.householdId, t.state)]);

/**
 * The county's 审核确认 decision when the township is not delegated (2021办法: the county decides and the township
 * records its reply): who decided, for which unit, the document number and date. One per 审核确认/不予确认 step.
 */
export const countyDecisions = sqliteTable('county_decisions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  applicationId: integer('application_id').notNull().references(() => applications.id),
  stepId: integer('step_id').notNull().references(() => applicationSteps.id),
  decider: text('decider').notNull(), // 县级审核确认人
  unit: text('unit').notNull(), // 县级民政部门（单位全称）
  documentNo: text('document_no').notNull(), // 文号
  decidedOn: text('decided_on').notNull(),
  enteredBy: text('entered_by').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('county_decisions_application_idx').on(t.applicationId), uniqueIndex('county_decisions_step_uq').on(t.stepId)]);
