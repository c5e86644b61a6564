import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { invalid } from '../../ipc/errors';
import { inboxPath } from '../../ipc/files';
import { RECHECK_CLASSES, SCHEDULE_RULES } from '../../domain/recheckSchedule';
import { KEY_CATEGORIES } from '../../domain/recheckFlags';
import { CATEGORIES } from '../../domain/glossary';
import { getSchedule, saveSchedule } from './settings';
import { computeDue, dueSummary, insertRecheck } from './schedule';
import { OUTCOMES, PHASE_NAMES, TEAM_ROLES, campaignProgress, getCampaign, getCampaignHousehold, villageHouseholds } from './campaigns';
import { createCampaign, recordFinding, recordSignoff, setTeam } from './campaignOps';
import { applyOutcome } from './decide';
import { calculateForHousehold } from '../applications/household';
import { gradualExits, listCampaigns, listTeam, saveTeamMember, phasesOf } from './queries';
import { answerTask, exportFeedback, importSuspects, listImports, listTasks, previewSuspects } from './suspectOps';
import { supervisionLists } from './supervisionLists';
import { id, isoDate, localToday, offset, paging } from './common';

const text = (max: number) => z.string().trim().max(max);
const months = z.number().int().min(1, '频次至少每月一次').max(36);

export const rechecksChannels = {
  // ---- schedules ----
  'rechecks.schedule.get': channel({
    title: '复核频次设置', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => ({ setting: getSchedule(ctx.sqlite), classes: RECHECK_CLASSES }),
  }),
  'rechecks.schedule.set': channel({
    title: '修改复核频次（2021办法 / 2012办法）', permission: 'admin', kind: 'mutation',
    input: z.object({ rule: z.enum(SCHEDULE_RULES), months: z.record(z.enum(SCHEDULE_RULES), z.record(z.string(), months)).optional(),
      dueSoonDays: z.number().int().min(0).max(180).optional() }),
    handler: (ctx, i) => {
      const before = getSchedule(ctx.sqlite);
      const after = { rule: i.rule, dueSoonDays: i.dueSoonDays ?? before.dueSoonDays,
        months: { '2021': { ...before.months['2021'], ...i.months?.['2021'] }, '2012': { ...before.months['2012'], ...i.months?.['2012'] } } };
      saveSchedule(ctx.sqlite, after);
      ctx.audit({ entity: 'setting', entityId: 'rechecks.schedule', before, after });
      return after;
    },
  }),
  'rechecks.due': channel({
    title: '到期/逾期复核清单（按村）', permission: 'read', kind: 'query',
    input: z.object({ villageId: id.optional(), state: z.enum(['已逾期', '即将到期', '待复核', '全部']).default('待复核'), today: isoDate.optional(), ...paging }),
    handler: (ctx, i) => {
      const all = computeDue(ctx.sqlite, i.today ?? localToday());
      const inVillage = i.villageId ? all.filter((r) => r.villageId === i.villageId) : all;
      const rows = inVillage.filter((r) => i.state === '全部' || (i.state === '待复核' ? r.state !== '未到期' : r.state === i.state))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.householdId - b.householdId);
      const p = offset(i);
      return { summary: dueSummary(all), total: rows.length, rows: rows.slice(p.offset, p.offset + p.limit) };
    },
  }),
  'rechecks.record': channel({
    title: '登记一次复核（定期/死亡复核）', permission: 'case.write', kind: 'mutation',
    input: z.object({ householdId: id, kind: z.enum(['定期复核', '死亡复核']), date: isoDate, outcome: z.enum(OUTCOMES),
      findings: text(1000), reason: text(500).default(''), newAmountFen: z.number().int().min(0).nullable().default(null),
      phaseOutMonths: z.number().int().min(1).max(12).optional(), checkedBy: text(40).min(1, '请填写复核人'),
      workIncomeConfirmed: z.boolean().optional(), workIncomeNote: text(200).optional() }),
    handler: (ctx, i) => {
      if (i.outcome !== '维持' && !i.reason) throw invalid(`${i.outcome}必须写明理由`);
      const decision = i.outcome === '维持' ? null : applyOutcome(ctx, { householdId: i.householdId, outcome: i.outcome, reason: i.reason,
        newAmountFen: i.newAmountFen, phaseOutMonths: i.phaseOutMonths, date: i.date, source: '复核', sourceRef: i.kind,
        workIncomeConfirmed: i.workIncomeConfirmed, workIncomeNote: i.workIncomeNote });
      const r = insertRecheck(ctx.sqlite, { ...i, findings: [i.findings, i.reason].filter(Boolean).join('；') });
      ctx.audit({ entity: 'recheck', entityId: r.id, after: { ...i, changeId: decision?.changeId ?? null } });
      return { ...r, changeId: decision?.changeId ?? null, needsNotice: decision?.needsNotice ?? false };
    },
  }),
  'rechecks.gradualExits': channel({
    title: '渐退户及渐退截止月', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => gradualExits(ctx.sqlite),
  }),

  // ---- team list ----
  'rechecks.team.list': channel({
    title: '驻村领导、驻村干部、村干部名册', permission: 'read', kind: 'query', input: z.object({ includeInactive: z.boolean().default(false) }),
    handler: (ctx, i) => listTeam(ctx.sqlite, i.includeInactive),
  }),
  'rechecks.team.save': channel({
    title: '新增或修改清理小组成员', permission: 'case.write', kind: 'mutation',
    input: z.object({ id: id.optional(), name: text(20).min(1, '请填写姓名'), role: z.enum(TEAM_ROLES), phone: text(20).default(''),
      villageId: id.nullable().default(null), active: z.boolean().default(true) }),
    handler: (ctx, i) => saveTeamMember(ctx, i),
  }),

  // ---- campaigns ----
  'rechecks.campaigns.list': channel({
    title: '专项行动列表', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => listCampaigns(ctx.sqlite),
  }),
  'rechecks.campaigns.create': channel({
    title: '新建专项行动（时点在保户或筛选）', permission: 'case.write', kind: 'mutation',
    input: z.object({
      name: text(80).min(2, '请填写行动名称'), basis: text(2000).default(''), scopeDate: isoDate,
      filter: z.object({ villageIds: z.array(id).optional(), categories: z.array(z.enum(CATEGORIES)).optional() }).default({}),
      phases: z.array(z.object({ name: text(20).min(1), startDate: isoDate, endDate: isoDate })).default([]),
    }),
    handler: (ctx, i) => createCampaign(ctx, i),
  }),
  'rechecks.campaigns.get': channel({
    title: '专项行动详情与进度', permission: 'read', kind: 'query', input: z.object({ id }),
    handler: (ctx, i) => {
      const c = getCampaign(ctx.sqlite, i.id);
      return { id: c.id, name: c.name, basis: c.basis, scopeDate: c.scope_date, filter: JSON.parse(c.scope_filter), status: c.status,
        createdBy: c.created_by, phases: phasesOf(ctx.sqlite, c.id), ...campaignProgress(ctx.sqlite, c.id),
        phaseNames: PHASE_NAMES, categories: KEY_CATEGORIES, outcomes: OUTCOMES };
    },
  }),
  'rechecks.campaigns.setTeam': channel({
    title: '设置某村清理小组', permission: 'case.write', kind: 'mutation',
    input: z.object({ campaignId: id, villageId: id, seats: z.array(z.object({ teamMemberId: id, role: z.enum(TEAM_ROLES) })).min(1, '请选择小组成员') }),
    handler: (ctx, i) => { getCampaign(ctx.sqlite, i.campaignId); return setTeam(ctx, i); },
  }),
  'rechecks.campaigns.households': channel({
    title: '专项行动中某村的户', permission: 'read', kind: 'query',
    input: z.object({ campaignId: id, villageId: id, pendingOnly: z.boolean().default(false), ...paging }),
    handler: (ctx, i) => villageHouseholds(ctx.sqlite, i.campaignId, i.villageId, offset(i), i.pendingOnly),
  }),
  'rechecks.campaigns.household': channel({
    title: '专项行动中一户的核查记录', permission: 'read', kind: 'query', input: z.object({ id }),
    handler: (ctx, i) => getCampaignHousehold(ctx.sqlite, i.id),
  }),
  'rechecks.campaigns.record': channel({
    title: '登记入户核查与处理意见', permission: 'case.write', kind: 'mutation',
    input: z.object({ id, flags: z.array(z.number().int().min(1).max(9)).default([]), visitDate: isoDate, findings: text(2000).default(''),
      checkResult: text(500).default(''), outcome: z.enum(OUTCOMES), reason: text(500).default(''),
      newAmountFen: z.number().int().min(0).nullable().default(null), newTopUpFen: z.number().int().min(0).optional(),
      phaseOutMonths: z.number().int().min(1).max(12).optional(), checkedBy: text(40).min(1, '请填写核查人'),
      workIncomeConfirmed: z.boolean().optional(), workIncomeNote: text(200).optional() }),
    handler: (ctx, i) => recordFinding(ctx, i),
  }),
  'rechecks.campaigns.keepMany': channel({
    title: '批量登记“维持”（入户核实无变化的户）', permission: 'case.write', kind: 'mutation',
    input: z.object({ ids: z.array(id).min(1, '请选择户').max(500), visitDate: isoDate, findings: text(2000).default('入户核实，家庭情况无变化'),
      checkResult: text(500).default(''), checkedBy: text(40).min(1, '请填写核查人') }),
    handler: (ctx, i) => ({ recorded: i.ids.map((one) => recordFinding(ctx, { ...i, id: one, flags: getCampaignHousehold(ctx.sqlite, one).flags,
      outcome: '维持', reason: '', newAmountFen: null })).length }),
  }),
  'rechecks.campaigns.proposeAmount': channel({
    title: '按现有家庭情况测算新的保障金', permission: 'read', kind: 'query', input: z.object({ householdId: id, date: isoDate.optional() }),
    handler: (ctx, i) => calculateForHousehold(ctx.sqlite, i.householdId, i.date ?? localToday()),
  }),
  'rechecks.campaigns.signoff': channel({
    title: '登记清理核实登记表已签字交回', permission: 'case.write', kind: 'mutation',
    input: z.object({ campaignId: id, villageId: id, returnedDate: isoDate, scanRef: text(200).default('') }),
    handler: (ctx, i) => {
      if (i.scanRef) inboxPath(ctx.dataDir, i.scanRef);
      return recordSignoff(ctx, i);
    },
  }),

  // ---- county 疑点 lists ----
  'rechecks.suspects.preview': channel({
    title: '预览疑点表（表头与列对应）', permission: 'case.write', kind: 'job',
    input: z.object({ inboxName: z.string().min(1), county: text(40).optional() }),
    handler: (ctx, i) => previewSuspects(ctx, i),
  }),
  'rechecks.suspects.import': channel({
    title: '导入县级疑点表', permission: 'case.write', kind: 'job',
    input: z.object({ inboxName: z.string().min(1), county: text(40).optional(), dryRun: z.boolean().default(false),
      mapping: z.object({ idNumber: z.string().min(1), name: z.string().optional(), reason: z.string().optional(), result: z.string().optional(),
        action: z.string().optional(), checker: z.string().optional(), date: z.string().optional() }).optional() }),
    handler: (ctx, i) => importSuspects(ctx, i),
  }),
  'rechecks.suspects.imports': channel({
    title: '已导入的疑点表', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => listImports(ctx.sqlite),
  }),
  'rechecks.suspects.tasks': channel({
    title: '疑点核查任务', permission: 'read', kind: 'query',
    input: z.object({ importId: id, pendingOnly: z.boolean().default(false), ...paging }),
    handler: (ctx, i) => listTasks(ctx.sqlite, i.importId, i.pendingOnly, offset(i)),
  }),
  'rechecks.suspects.answer': channel({
    title: '登记疑点核查结果', permission: 'case.write', kind: 'mutation',
    input: z.object({ taskId: id, result: z.enum(['属实', '不属实', '部分属实']), action: text(500).default(''),
      checker: text(40).min(1, '请填写核查人'), checkDate: isoDate }),
    handler: (ctx, i) => answerTask(ctx, i),
  }),
  'rechecks.suspects.export': channel({
    title: '导出疑点核查反馈表（按县表列顺序）', permission: 'case.write', kind: 'job',
    input: z.object({ importId: id }),
    handler: (ctx, i) => exportFeedback(ctx, i.importId),
  }),

  // ---- digital supervision ----
  'rechecks.supervision': channel({
    title: '数字监督清单（重复享受、低保特困重复、死亡未退、近亲属未备案）', permission: 'read', kind: 'query',
    input: z.object({ today: isoDate.optional() }),
    handler: (ctx, i) => supervisionLists(ctx.sqlite, i.today ?? localToday()),
  }),
};
