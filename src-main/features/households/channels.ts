import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { roleHas } from '../../ipc/permissions';
import { parseIdNumber, ageOn } from '../../domain/idNumber';
import { CATEGORIES, COVER_MODES, DISABILITY_TYPES, HEALTH, HOUSEHOLD_FLAGS, HOUSEHOLD_STATUSES, INCOME_TYPES, LABOUR_CAPACITY,
  MEMBER_EXITS, POVERTY_CAUSES, RELATIONS } from '../../domain/glossary';
import { change, householdFacts, householdPatch, id, incomeItem, listInput, memberExit, memberPatch, newMember, requiredReason } from './schemas';
import { DERIVED_FLAGS, getHouseholdRow, householdDetail, listHouseholds } from './queries';
import { addMember, createHousehold, describeHousehold, idHolder, localToday, updateHousehold } from './store';
import { addIncome, changeHead, endIncome, exitMember, setCoverage, updateMember } from './members';
import { rosterChannels } from './roster/channel';
import { caseRecordChannels } from '../caseRecord/channels';

// IPC channels of the households feature. Registered in features/registry.ts.
export const householdsChannels = {
  'households.list': channel({
    title: '户档案列表（检索、筛选、分页、排序）', permission: 'read', kind: 'query', input: listInput,
    handler: (ctx, i) => listHouseholds(ctx.sqlite, i),
  }),
  'households.options': channel({
    title: '户档案的选项（类别、状态、关系、标记等）', permission: 'read', kind: 'query', input: z.object({}),
    handler: () => ({
      categories: CATEGORIES, statuses: HOUSEHOLD_STATUSES, relations: RELATIONS, health: HEALTH, labour: LABOUR_CAPACITY,
      disabilityTypes: DISABILITY_TYPES, causes: POVERTY_CAUSES, incomeTypes: INCOME_TYPES, exits: MEMBER_EXITS,
      flags: HOUSEHOLD_FLAGS, filterFlags: [...HOUSEHOLD_FLAGS, ...Object.keys(DERIVED_FLAGS)],
    }),
  }),
  'households.get': channel({
    title: '户档案详情（事实、成员、收入、变动记录）', permission: 'read', kind: 'query', input: z.object({ id }),
    handler: (ctx, i) => householdDetail(ctx.sqlite, i.id, { sensitive: roleHas(ctx.actor.role, 'sensitive.read'), today: localToday() }),
  }),
  'households.checkId': channel({
    title: '校验身份证号并查重', permission: 'read', kind: 'query', input: z.object({ idNumber: z.string().max(30) }),
    handler: (ctx, i) => {
      const r = parseIdNumber(i.idNumber);
      if (!r.ok) return { ok: false as const, reason: r.reason };
      const holder = idHolder(ctx.sqlite, r.value.id);
      if (holder) return { ok: false as const, reason: `该身份证号已登记在${describeHousehold(ctx.sqlite, holder.householdId)}` };
      return { ok: true as const, ...r.value, age: ageOn(r.value.birthDate, localToday()) };
    },
  }),
  'households.create': channel({
    title: '新建户档案（含户主）', permission: 'case.write', kind: 'mutation',
    input: z.object({ facts: householdFacts, head: newMember.omit({ relation: true }), ...change }),
    handler: (ctx, i) => createHousehold(ctx, i.facts, { ...i.head, relation: '户主' }, i),
  }),
  'households.update': channel({
    title: '修改户档案事实（迁址等记入变动记录；状态、类别、金额只能由决定改变）', permission: 'case.write', kind: 'mutation',
    input: z.object({ id, facts: householdPatch, ...change }),
    handler: (ctx, i) => updateHousehold(ctx, i.id, i.facts, i),
  }),
  'households.addMember': channel({
    title: '增加家庭成员', permission: 'case.write', kind: 'mutation',
    input: z.object({ householdId: id, member: newMember, ...change }),
    handler: (ctx, i) => {
      const h = getHouseholdRow(ctx.sqlite, i.householdId);
      return { id: addMember(ctx, h.id, i.member, i, h.cover_mode === '整户保') };
    },
  }),
  'households.updateMember': channel({
    title: '修改成员情况（健康、残疾、就业等）', permission: 'case.write', kind: 'mutation',
    input: z.object({ memberId: id, facts: memberPatch, ...change }),
    handler: (ctx, i) => updateMember(ctx, i.memberId, i.facts, i),
  }),
  'households.exitMember': channel({
    title: '登记成员死亡、迁出或移出', permission: 'case.write', kind: 'mutation', input: memberExit,
    handler: (ctx, i) => exitMember(ctx, i),
  }),
  'households.changeHead': channel({
    title: '变更户主', permission: 'case.write', kind: 'mutation',
    input: z.object({ householdId: id, memberId: id, formerHeadRelation: z.enum(RELATIONS).default('其他'), date: change.date, reason: requiredReason }),
    handler: (ctx, i) => changeHead(ctx, i),
  }),
  'households.setCoverage': channel({
    title: '设定保障人口（整户保/单人保）', permission: 'case.write', kind: 'mutation',
    input: z.object({ householdId: id, mode: z.enum(COVER_MODES), memberIds: z.array(id).default([]), date: change.date, reason: requiredReason }),
    handler: (ctx, i) => setCoverage(ctx, i),
  }),
  'households.addIncome': channel({
    title: '登记成员收入项（月额，分）', permission: 'case.write', kind: 'mutation', input: incomeItem,
    handler: (ctx, i) => addIncome(ctx, i),
  }),
  'households.endIncome': channel({
    title: '停止成员收入项', permission: 'case.write', kind: 'mutation',
    input: z.object({ itemId: id, date: change.date, reason: requiredReason }),
    handler: (ctx, i) => endIncome(ctx, i),
  }),
  ...rosterChannels,
  ...caseRecordChannels,
};
