// 信访举报 register: receipt, handling, transfer to 纪检监察, reply; contact masked in lists; overdue list.
import { z } from 'zod';
import type Database from 'better-sqlite3';
import { channel } from '../../ipc/contract';
import { getSetting } from '../settings/store';
import { addDays, COMPLAINT_CHANNELS, COMPLAINT_DAYS_KEY, DEFAULT_COMPLAINT_DAYS, maskContact, overdueDays, todayIso } from './rules';
import { assertHousehold, canSeeSensitive, count, id, isoDate, mustGet, offset, optDate, paging, text } from './common';
import { LIKE_ESCAPE, likeContains } from '../../db/like';

export const COMPLAINT_FILTERS = ['all', 'open', 'overdue', 'closed', 'transferred'] as const;

const FILTER_SQL: Record<(typeof COMPLAINT_FILTERS)[number], string> = {
  all: '1', open: 'c.closed_date IS NULL', overdue: 'c.closed_date IS NULL AND c.deadline < ?', closed: 'c.closed_date IS NOT NULL',
  transferred: 'c.transferred_date IS NOT NULL',
};

interface ComplaintRow { id: number; received_date: string; channel: string; anonymous: number; reporter_name: string; reporter_contact: string;
  content: string; handler: string; deadline: string; steps: string; result: string; closed_date: string | null; transferred_date: string | null;
  transferred_to: string; reply_date: string | null; reply_content: string; created_by: string }

const saveInput = z.object({
  id: id.optional(), receivedDate: isoDate, channel: z.enum(COMPLAINT_CHANNELS), anonymous: z.boolean().default(false),
  reporterName: text(32).default(''), reporterContact: text(60).default(''), content: text(2000).min(1, '请填写反映内容'),
  householdIds: z.array(id).max(50).default([]), handler: text(32).default(''), deadline: isoDate.optional(),
  steps: text(2000).default(''), result: text(2000).default(''), closedDate: optDate,
  transferredDate: optDate, transferredTo: text(60).default(''), replyDate: optDate, replyContent: text(1000).default(''),
});

function householdsOf(sqlite: Database.Database, complaintId: number) {
  return sqlite.prepare(`SELECT h.id, head.name AS headName, v.name AS villageName FROM complaint_households ch JOIN households h ON h.id = ch.household_id
    LEFT JOIN members head ON head.id = h.head_member_id LEFT JOIN regions v ON v.id = h.village_id WHERE ch.complaint_id = ? ORDER BY h.id`)
    .all(complaintId) as { id: number; headName: string | null; villageName: string | null }[];
}

function view(c: ComplaintRow, today: string, full: boolean) {
  const reporter = c.anonymous ? '匿名' : c.reporter_name;
  return { id: c.id, receivedDate: c.received_date, channel: c.channel, anonymous: !!c.anonymous, reporterName: reporter,
    reporterContact: full ? c.reporter_contact : maskContact(c.reporter_contact), content: c.content, handler: c.handler, deadline: c.deadline,
    steps: c.steps, result: c.result, closedDate: c.closed_date, transferredDate: c.transferred_date, transferredTo: c.transferred_to,
    replyDate: c.reply_date, replyContent: c.reply_content, createdBy: c.created_by,
    overdueDays: overdueDays({ deadline: c.deadline, closedDate: c.closed_date }, today) };
}

export const complaintChannels = {
  'supervision.complaints.list': channel({
    title: '信访举报台账（联系方式已遮蔽）', permission: 'read', kind: 'query',
    input: z.object({ ...paging, filter: z.enum(COMPLAINT_FILTERS).default('all'), today: isoDate.optional() }),
    handler: (ctx, i) => {
      const today = i.today ?? todayIso();
      const like = likeContains(i.search);
      const sql = `SELECT c.* FROM complaints c WHERE ${FILTER_SQL[i.filter]} AND (? = '' OR c.content LIKE ? ${LIKE_ESCAPE} OR c.reporter_name LIKE ? ${LIKE_ESCAPE} OR c.handler LIKE ? ${LIKE_ESCAPE})`;
      const params = [...(i.filter === 'overdue' ? [today] : []), i.search, like, like, like];
      const order = i.filter === 'overdue' ? 'c.deadline, c.id' : 'c.received_date DESC, c.id DESC';
      const rows = ctx.sqlite.prepare(`${sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, i.pageSize, offset(i)) as ComplaintRow[];
      // Lists never show a full contact, whoever looks: they are shown on screens and printed.
      return { total: count(ctx.sqlite, sql, params), rows: rows.map((c) => ({ ...view(c, today, false), households: householdsOf(ctx.sqlite, c.id) })) };
    },
  }),
  'supervision.complaints.get': channel({
    title: '信访举报详情', permission: 'read', kind: 'query', input: z.object({ id }),
    handler: (ctx, i) => {
      const c = mustGet<ComplaintRow>(ctx.sqlite, 'SELECT * FROM complaints WHERE id = ?', i.id, '信访举报');
      return { ...view(c, todayIso(), canSeeSensitive(ctx.actor)), households: householdsOf(ctx.sqlite, c.id) };
    },
  }),
  'supervision.complaints.save': channel({
    title: '登记或办理信访举报', permission: 'case.write', kind: 'mutation', input: saveInput,
    handler: (ctx, i) => {
      for (const h of i.householdIds) assertHousehold(ctx.sqlite, h);
      const days = getSetting(ctx.sqlite, COMPLAINT_DAYS_KEY, DEFAULT_COMPLAINT_DAYS);
      const deadline = i.deadline ?? addDays(i.receivedDate, days);
      const now = new Date().toISOString();
      const values = [i.receivedDate, i.channel, i.anonymous ? 1 : 0, i.anonymous ? '' : i.reporterName, i.anonymous ? '' : i.reporterContact, i.content,
        i.handler, deadline, i.steps, i.result, i.closedDate ?? null, i.transferredDate ?? null, i.transferredTo, i.replyDate ?? null, i.replyContent, now];
      const cols = `received_date = ?, channel = ?, anonymous = ?, reporter_name = ?, reporter_contact = ?, content = ?, handler = ?, deadline = ?,
        steps = ?, result = ?, closed_date = ?, transferred_date = ?, transferred_to = ?, reply_date = ?, reply_content = ?, updated_at = ?`;
      let complaintId = i.id;
      if (complaintId) {
        const before = mustGet(ctx.sqlite, 'SELECT * FROM complaints WHERE id = ?', complaintId, '信访举报');
        ctx.sqlite.prepare(`UPDATE complaints SET ${cols} WHERE id = ?`).run(...values, complaintId);
        ctx.audit({ entity: 'complaint', entityId: complaintId, before, after: { ...i, deadline } });
      } else {
        const r = ctx.sqlite.prepare(`INSERT INTO complaints (received_date, channel, anonymous, reporter_name, reporter_contact, content, handler, deadline,
          steps, result, closed_date, transferred_date, transferred_to, reply_date, reply_content, updated_at, created_by, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...values, ctx.actor.displayName, now);
        complaintId = Number(r.lastInsertRowid);
        ctx.audit({ entity: 'complaint', entityId: complaintId, after: { ...i, deadline } });
      }
      ctx.sqlite.prepare('DELETE FROM complaint_households WHERE complaint_id = ?').run(complaintId);
      const link = ctx.sqlite.prepare('INSERT OR IGNORE INTO complaint_households (complaint_id, household_id) VALUES (?, ?)');
      for (const h of i.householdIds) link.run(complaintId, h);
      return { id: complaintId, deadline };
    },
  }),
};
