import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { AppError, notFound, refuseAt } from '../../ipc/errors';
import { newOutboxFile } from '../../ipc/outbox';
import { setSetting } from '../settings/store';
import { id, isoDate, isoMonth } from '../households/schemas';
import { NOTICE_KINDS } from './rules';
import { noticeRuns } from './queries';
import { NOTICE_DOCUMENT, noticeSelection } from './documents';
import { NOTICE_SETTING_KEYS, noticeSettings } from './settings';
import { getPosting, listPostings, postingDetail, recordPosting } from './postings';
import { copyStoredToOutbox } from '../archive/filing';
import type { FileExt } from '../archive/store';
import { endReviewPublicity } from '../applications/publicity';

const kind = z.enum(NOTICE_KINDS, '公示类型应为 初审公示、确认公布、长期公示 或 停保公示');
const selection = {
  villageId: id.optional(), groupId: id.optional(),
  fromMonth: isoMonth.optional(), toMonth: isoMonth.optional(), fromDate: isoDate.optional(), toDate: isoDate.optional(),
};
const RESULTS = ['属实', '不属实', '部分属实'] as const;

export const noticesChannels = {
  'notices.settings': channel({
    title: '公示设置（监督电话、发布单位、类别列、公示天数）', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => ({ ...noticeSettings(ctx.sqlite), documents: NOTICE_DOCUMENT }),
  }),
  'notices.saveSettings': channel({
    title: '保存公示设置', permission: 'admin', kind: 'mutation',
    input: z.object({
      // printed on every public notice: a phone number and nothing else (it once carried an 18-digit ID onto the board)
      complaintPhone: z.string().trim().max(40).regex(/^$|^(0\d{2,3}-?)?\d{7,8}(-\d{1,4})?$|^1[3-9]\d{9}$|^12345$/,
        '监督电话应为座机（如 0838-6201234）或手机号码'), issuer: z.string().trim().min(1, '发布单位不能为空').max(40),
      showCategory: z.boolean(), periodDays: z.number().int().min(7, '公示期不少于7天').max(30),
    }),
    handler: (ctx, i) => {
      const before = noticeSettings(ctx.sqlite);
      for (const [k, key] of Object.entries(NOTICE_SETTING_KEYS)) setSetting(ctx.sqlite, key, i[k as keyof typeof i]);
      ctx.audit({ entity: 'setting', entityId: 'notices', before, after: i });
      return noticeSettings(ctx.sqlite);
    },
  }),
  'notices.preview': channel({
    title: '公示名单预览（各村户数）', permission: 'read', kind: 'query',
    input: z.object({ kind, date: isoDate.optional(), ...selection }),
    handler: (ctx, { kind: k, ...args }) => {
      const { sel, start } = noticeSelection(ctx.sqlite, k, args);
      return noticeRuns(ctx.sqlite, k, sel, start).map((r) => ({ villageId: r.villageId, villageName: r.villageName, households: r.rows.length }));
    },
  }),
  'notices.postings': channel({
    title: '公示张贴记录列表', permission: 'read', kind: 'query',
    input: z.object({ kind: kind.optional(), villageId: id.optional(), page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(20) }),
    handler: (ctx, i) => listPostings(ctx.sqlite, i),
  }),
  'notices.posting': channel({
    title: '公示张贴记录详情（名单快照与异议）', permission: 'read', kind: 'query', input: z.object({ id }),
    handler: (ctx, i) => postingDetail(ctx.sqlite, i.id),
  }),
  'notices.recordPosting': channel({
    title: '登记公示张贴（地点、日期、照片）', permission: 'case.write', kind: 'mutation',
    input: z.object({
      kind, periodStart: isoDate, postedAt: isoDate, place: z.string().trim().min(1, '请填写张贴地点').max(80),
      photo: z.string().optional(), printedFile: z.string().optional(), note: z.string().max(500).optional(), ...selection,
    }),
    handler: (ctx, i) => ({ id: recordPosting(ctx, i) }),
  }),
  'notices.photo': channel({
    title: '取出张贴照片查看', permission: 'read', kind: 'query', input: z.object({ id }),
    handler: (ctx, i) => {
      const p = getPosting(ctx.sqlite, i.id);
      const row = ctx.sqlite.prepare('SELECT photo_sha256 AS sha, photo_ext AS ext FROM notice_postings WHERE id = ?').get(i.id) as { sha: string | null; ext: FileExt | null };
      if (!row.sha || !row.ext) throw notFound('张贴照片', i.id);
      const out = newOutboxFile(ctx, `张贴照片-${p.id}.${row.ext}`);
      copyStoredToOutbox(ctx.dataDir, row.sha, row.ext, out.path);
      return { outboxName: out.name };
    },
  }),
  'notices.addObjection': channel({
    title: '登记公示异议', permission: 'case.write', kind: 'mutation',
    input: z.object({ postingId: id, householdId: id.optional(), receivedAt: isoDate, via: z.enum(['来访', '来电', '来信', '其他']).default('来访'),
      complainant: z.string().trim().max(40).default(''), content: z.string().trim().min(1, '请填写异议内容').max(1000) }),
    handler: (ctx, i) => {
      const p = getPosting(ctx.sqlite, i.postingId);
      if (p.closedAt) throw new AppError('CONFLICT', '该公示已结束归档，不能再登记异议');
      if (i.householdId && !ctx.sqlite.prepare('SELECT 1 FROM notice_posting_items WHERE posting_id = ? AND household_id = ?').get(p.id, i.householdId)) {
        throw refuseAt('VALIDATION', 'householdId', '该户不在此次公示名单中');
      }
      const newId = Number(ctx.sqlite.prepare(`INSERT INTO notice_objections (posting_id, household_id, received_at, via, complainant, content, created_by, created_at)
        VALUES (?,?,?,?,?,?,?,?)`).run(p.id, i.householdId ?? null, i.receivedAt, i.via, i.complainant, i.content, ctx.actor.displayName, new Date().toISOString()).lastInsertRowid);
      ctx.audit({ entity: 'notice_objection', entityId: newId, after: i });
      return { id: newId };
    },
  }),
  'notices.handleObjection': channel({
    title: '登记异议处理结果', permission: 'case.write', kind: 'mutation',
    input: z.object({ id, handling: z.string().trim().min(1, '请填写处理方式和经过').max(1000), result: z.enum(RESULTS, '核实结论应为 属实、不属实 或 部分属实'), handledAt: isoDate }),
    handler: (ctx, i) => {
      const before = ctx.sqlite.prepare('SELECT * FROM notice_objections WHERE id = ?').get(i.id);
      if (!before) throw notFound('异议', i.id);
      ctx.sqlite.prepare('UPDATE notice_objections SET handling = ?, result = ?, handled_at = ?, handled_by = ? WHERE id = ?')
        .run(i.handling, i.result, i.handledAt, ctx.actor.displayName, i.id);
      ctx.audit({ entity: 'notice_objection', entityId: i.id, before, after: i });
      return { id: i.id };
    },
  }),
  'notices.closePosting': channel({
    title: '公示期满结束', permission: 'case.write', kind: 'mutation',
    input: z.object({ id, closedAt: isoDate, note: z.string().max(500).default('') }),
    handler: (ctx, i) => {
      const p = getPosting(ctx.sqlite, i.id);
      if (p.closedAt) throw new AppError('CONFLICT', '该公示已经结束');
      if (p.periodEnd && i.closedAt <= p.periodEnd) throw refuseAt('VALIDATION', 'closedAt', `公示期至${p.periodEnd}，期满后才能结束`);
      if (p.openObjections > 0) throw new AppError('VALIDATION', `还有${p.openObjections}条异议未处理，处理后才能结束公示`);
      ctx.sqlite.prepare('UPDATE notice_postings SET closed_at = ?, closed_note = ? WHERE id = ?').run(i.closedAt, i.note, i.id);
      ctx.audit({ entity: 'notice_posting', entityId: i.id, before: { closedAt: null }, after: { closedAt: i.closedAt, note: i.note } });
      const cases = p.kind === '初审公示' ? endReviewPublicity(ctx, i.id, i.closedAt) : [];
      return { ...getPosting(ctx.sqlite, i.id), cases };
    },
  }),
};
