// 近亲属备案: staff/cadre registry, declared relatives, matched cases and their filing with the county.
import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { getSetting } from '../settings/store';
import { DEFAULT_RELATIONS, RELATIONS_KEY, STAFF_KINDS, todayIso } from './rules';
import { maskIdNumber } from '../../domain/idNumber';
import { matchRelative, isNearRelativeHousehold, recordFullComparison } from './matching';
import type { ComparedInWorker } from './jobs';
import { canSeeSensitive, count, id, idNumberInput, isoDate, mustGet, offset, optDate, paging, text } from './common';
import { caseRows, CASE_FILTERS, CASE_SORTS, householdCases } from './cases';
import { LIKE_ESCAPE, likeContains } from '../../db/like';

interface StaffRow { id: number; kind: string; name: string; id_number: string; unit: string; village_id: number | null; post: string;
  term_start: string | null; term_end: string | null; active: number; left_date: string | null; note: string }

const staffInput = z.object({
  id: id.optional(), kind: z.enum(STAFF_KINDS), name: text(32).min(1, '请填写姓名'), idNumber: idNumberInput,
  unit: text(60).default(''), villageId: id.nullable().default(null), post: text(32).default(''),
  termStart: optDate, termEnd: optDate, note: text(200).default(''),
});

const relations = (sqlite: import('better-sqlite3').Database) => getSetting<string[]>(sqlite, RELATIONS_KEY, [...DEFAULT_RELATIONS]);

export const relativesChannels = {
  'supervision.relations': channel({
    title: '近亲属关系列表（可在设置中增改）', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => relations(ctx.sqlite),
  }),
  'supervision.staff.list': channel({
    title: '经办人员和村(居)委会成员名册', permission: 'read', kind: 'query',
    input: z.object({ ...paging, kind: z.enum(STAFF_KINDS).nullable().default(null), includeLeft: z.boolean().default(false) }),
    handler: (ctx, i) => {
      const where = [`(? = '' OR s.name LIKE ? ${LIKE_ESCAPE} OR s.unit LIKE ? ${LIKE_ESCAPE} OR s.post LIKE ? ${LIKE_ESCAPE})`, '(? IS NULL OR s.kind = ?)', '(? OR s.active = 1)'];
      const like = likeContains(i.search);
      const params = [i.search, like, like, like, i.kind, i.kind, i.includeLeft ? 1 : 0];
      const sql = `SELECT s.*, v.name AS village_name,
          (SELECT COUNT(*) FROM staff_relatives r WHERE r.staff_id = s.id AND r.removed_at IS NULL) AS relative_count,
          (SELECT COUNT(*) FROM relative_matches x JOIN staff_relatives r ON r.id = x.relative_id WHERE r.staff_id = s.id AND r.removed_at IS NULL) AS match_count
        FROM supervised_staff s LEFT JOIN regions v ON v.id = s.village_id WHERE ${where.join(' AND ')}`;
      const rows = ctx.sqlite.prepare(`${sql} ORDER BY s.active DESC, s.kind, s.unit, s.name LIMIT ? OFFSET ?`)
        .all(...params, i.pageSize, offset(i)) as (StaffRow & { village_name: string | null; relative_count: number; match_count: number })[];
      const full = canSeeSensitive(ctx.actor);
      return {
        total: count(ctx.sqlite, sql, params),
        rows: rows.map((s) => ({ id: s.id, kind: s.kind, name: s.name, idNumber: full ? s.id_number : maskIdNumber(s.id_number),
          unit: s.unit, villageId: s.village_id, villageName: s.village_name, post: s.post, termStart: s.term_start, termEnd: s.term_end,
          active: !!s.active, leftDate: s.left_date, note: s.note, relativeCount: s.relative_count, matchCount: s.match_count })),
      };
    },
  }),
  'supervision.staff.save': channel({
    title: '登记或修改经办人员/村(居)委会成员', permission: 'case.write', kind: 'mutation', input: staffInput,
    handler: (ctx, i) => {
      const dup = ctx.sqlite.prepare('SELECT id FROM supervised_staff WHERE id_number = ? AND active = 1 AND id IS NOT ?').get(i.idNumber, i.id ?? null);
      if (dup) throw new AppError('CONFLICT', '该身份证号的人员已在名册中（在任）');
      const now = new Date().toISOString();
      const values = [i.kind, i.name, i.idNumber, i.unit, i.villageId, i.post, i.termStart ?? null, i.termEnd ?? null, i.note, now];
      if (i.id) {
        const before = mustGet<StaffRow>(ctx.sqlite, 'SELECT * FROM supervised_staff WHERE id = ?', i.id, '人员');
        ctx.sqlite.prepare(`UPDATE supervised_staff SET kind = ?, name = ?, id_number = ?, unit = ?, village_id = ?, post = ?, term_start = ?,
          term_end = ?, note = ?, updated_at = ? WHERE id = ?`).run(...values, i.id);
        ctx.audit({ entity: 'supervised_staff', entityId: i.id, before, after: i });
        return { id: i.id };
      }
      const r = ctx.sqlite.prepare(`INSERT INTO supervised_staff (kind, name, id_number, unit, village_id, post, term_start, term_end, note, updated_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...values, now);
      const newId = Number(r.lastInsertRowid);
      ctx.audit({ entity: 'supervised_staff', entityId: newId, after: i });
      return { id: newId };
    },
  }),
  'supervision.staff.leave': channel({
    title: '人员离任（其近亲属不再计入备案范围）', permission: 'case.write', kind: 'mutation',
    input: z.object({ id, leftDate: isoDate }),
    handler: (ctx, i) => {
      mustGet(ctx.sqlite, 'SELECT id FROM supervised_staff WHERE id = ?', i.id, '人员');
      ctx.sqlite.prepare('UPDATE supervised_staff SET active = 0, left_date = ?, updated_at = ? WHERE id = ?').run(i.leftDate, new Date().toISOString(), i.id);
      ctx.audit({ entity: 'supervised_staff', entityId: i.id, after: { active: false, leftDate: i.leftDate } });
      return { id: i.id };
    },
  }),
  'supervision.relatives.list': channel({
    title: '某人员申报的近亲属及比对结果', permission: 'read', kind: 'query', input: z.object({ staffId: id }),
    handler: (ctx, i) => {
      const rows = ctx.sqlite.prepare(`SELECT r.*, (SELECT group_concat(m.name || '@' || m.household_id, ',') FROM relative_matches x
          JOIN members m ON m.id = x.member_id WHERE x.relative_id = r.id) AS matched
        FROM staff_relatives r WHERE r.staff_id = ? ORDER BY r.removed_at IS NOT NULL, r.id`).all(i.staffId) as
        { id: number; name: string; id_number: string; relation: string; declared_date: string; removed_at: string | null; note: string; matched: string | null }[];
      const full = canSeeSensitive(ctx.actor);
      return rows.map((r) => ({ id: r.id, name: r.name, idNumber: full ? r.id_number : maskIdNumber(r.id_number), relation: r.relation,
        declaredDate: r.declared_date, removed: !!r.removed_at, note: r.note,
        householdIds: r.matched ? r.matched.split(',').map((s) => Number(s.split('@')[1])) : [] }));
    },
  }),
  'supervision.relatives.add': channel({
    title: '登记近亲属（立即与全部家庭成员比对）', permission: 'case.write', kind: 'mutation',
    input: z.object({ staffId: id, name: text(32).min(1, '请填写姓名'), idNumber: idNumberInput, relation: text(16).min(1, '请选择关系'),
      declaredDate: isoDate.optional(), note: text(200).default('') }),
    handler: (ctx, i) => {
      const staff = mustGet<StaffRow>(ctx.sqlite, 'SELECT * FROM supervised_staff WHERE id = ?', i.staffId, '人员');
      if (!relations(ctx.sqlite).includes(i.relation)) throw new AppError('VALIDATION', `关系“${i.relation}”不在近亲属关系列表中`);
      if (staff.id_number === i.idNumber) throw new AppError('VALIDATION', '近亲属的身份证号与本人相同');
      const dup = ctx.sqlite.prepare('SELECT id FROM staff_relatives WHERE staff_id = ? AND id_number = ? AND removed_at IS NULL').get(i.staffId, i.idNumber);
      if (dup) throw new AppError('CONFLICT', '该近亲属已登记');
      const r = ctx.sqlite.prepare(`INSERT INTO staff_relatives (staff_id, name, id_number, relation, declared_date, note, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`).run(i.staffId, i.name, i.idNumber, i.relation, i.declaredDate ?? todayIso(), i.note, new Date().toISOString());
      const relativeId = Number(r.lastInsertRowid);
      ctx.audit({ entity: 'staff_relative', entityId: relativeId, after: { ...i, idNumber: maskIdNumber(i.idNumber) } });
      const matches = matchRelative(ctx, relativeId);
      return { id: relativeId, matchIds: matches };
    },
  }),
  'supervision.relatives.remove': channel({
    title: '撤销近亲属登记（关系终止或登记错误）', permission: 'case.write', kind: 'mutation',
    input: z.object({ id, reason: text(100).min(1, '请填写撤销原因') }),
    handler: (ctx, i) => {
      mustGet(ctx.sqlite, 'SELECT id FROM staff_relatives WHERE id = ? AND removed_at IS NULL', i.id, '近亲属登记');
      ctx.sqlite.prepare('UPDATE staff_relatives SET removed_at = ?, removed_reason = ? WHERE id = ?').run(new Date().toISOString(), i.reason, i.id);
      ctx.audit({ entity: 'staff_relative', entityId: i.id, after: { removed: true, reason: i.reason } });
      return { id: i.id };
    },
  }),
  'supervision.cases.list': channel({
    title: '近亲属享受低保备案台账', permission: 'read', kind: 'query',
    input: z.object({ ...paging, filter: z.enum(CASE_FILTERS).default('current'), sort: z.enum(CASE_SORTS).default('village') }),
    handler: (ctx, i) => caseRows(ctx.sqlite, i),
  }),
  'supervision.cases.file': channel({
    title: '登记备案（报县级备案、县级入户核查）', permission: 'case.write', kind: 'mutation',
    input: z.object({ id, filingNo: text(40).default(''), filedDate: optDate, countyVisitDate: optDate, countyVisitBy: text(60).default(''),
      note: text(300).default('') }),
    handler: (ctx, i) => {
      const before = mustGet(ctx.sqlite, 'SELECT * FROM relative_matches WHERE id = ?', i.id, '备案记录');
      ctx.sqlite.prepare(`UPDATE relative_matches SET filing_no = ?, filed_date = ?, county_visit_date = ?, county_visit_by = ?, note = ?, updated_at = ?
        WHERE id = ?`).run(i.filingNo, i.filedDate ?? null, i.countyVisitDate ?? null, i.countyVisitBy, i.note, new Date().toISOString(), i.id);
      ctx.audit({ entity: 'relative_match', entityId: i.id, before, after: i });
      return { id: i.id };
    },
  }),
  'supervision.cases.rescan': channel({
    title: '全面比对：全部近亲属与全部家庭成员', permission: 'case.write', kind: 'job', input: z.object({}),
    handler: async (ctx) => {
      ctx.progress({ done: 0, total: 0, message: '正在按身份证号比对全部近亲属与全部家庭成员…' });
      // the join over every member reads in a worker; the new matches and their audit rows are written here in one transaction
      const { pairs, relatives, members } = await ctx.inWorker<ComparedInWorker>('supervision.comparePairs', {});
      ctx.progress({ done: 0, total: 1, message: `已比对 ${relatives} 名近亲属 × ${members} 名家庭成员，正在登记…` });
      const added = ctx.tx(() => recordFullComparison(ctx, pairs)).length;
      ctx.progress({ done: 1, total: 1, message: `比对完成，新发现 ${added} 条` });
      return { added, relatives, members };
    },
  }),
  'supervision.household': channel({
    title: '某户是否为近亲属备案户及其备案情况', permission: 'read', kind: 'query', input: z.object({ householdId: id }),
    handler: (ctx, i) => ({ flagged: isNearRelativeHousehold(ctx.sqlite, i.householdId), cases: householdCases(ctx.sqlite, i.householdId) }),
  }),
};
