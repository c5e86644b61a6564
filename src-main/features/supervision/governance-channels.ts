// 专项治理工作台账: a ledger per campaign year, tasks from the seed-000 template, progress and evidence.
import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { inboxPath } from '../../ipc/files';
import { TASK_STATUSES, todayIso } from './rules';
import { GOVERNANCE_TEMPLATE } from './template';
import { id, isoDate, mustGet, optDate, text } from './common';

interface TaskRow { id: number; ledger_id: number; seq: number; section: string; title: string; content: string; deadline: string | null;
  deadline_note: string; responsible: string; status: string; progress: string; evidence: string; evidence_files: string; updated_at: string }

const taskView = (t: TaskRow, today: string) => ({ id: t.id, seq: t.seq, section: t.section, title: t.title, content: t.content, deadline: t.deadline,
  deadlineNote: t.deadline_note, responsible: t.responsible, status: t.status, progress: t.progress, evidence: t.evidence,
  evidenceFiles: JSON.parse(t.evidence_files) as string[], updatedAt: t.updated_at,
  overdue: t.status !== '已完成' && !!t.deadline && t.deadline < today && !t.deadline_note.includes('长期坚持') });

export const governanceChannels = {
  'supervision.governance.template': channel({
    title: '专项治理任务模板（2023年工作方案）', permission: 'read', kind: 'query', input: z.object({}),
    handler: () => GOVERNANCE_TEMPLATE,
  }),
  'supervision.governance.list': channel({
    title: '专项治理工作台账列表', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => ctx.sqlite.prepare(`SELECT g.id, g.year, g.title, g.created_at AS createdAt, COUNT(t.id) AS tasks,
        SUM(t.status = '已完成') AS done FROM governance_ledgers g LEFT JOIN governance_tasks t ON t.ledger_id = g.id
      GROUP BY g.id ORDER BY g.year DESC, g.id DESC`).all() as { id: number; year: number; title: string; createdAt: string; tasks: number; done: number | null }[],
  }),
  'supervision.governance.create': channel({
    title: '新建年度专项治理台账（按模板生成任务）', permission: 'case.write', kind: 'mutation',
    input: z.object({ year: z.number().int().min(2000).max(2100), title: text(80).optional(), fromTemplate: z.boolean().default(true) }),
    handler: (ctx, i) => {
      const title = i.title || `${i.year}年城乡低保专项治理工作台账`;
      if (ctx.sqlite.prepare('SELECT 1 FROM governance_ledgers WHERE year = ? AND title = ?').get(i.year, title)) {
        throw new AppError('CONFLICT', `已有“${title}”`);
      }
      const now = new Date().toISOString();
      const ledgerId = Number(ctx.sqlite.prepare('INSERT INTO governance_ledgers (year, title, created_at) VALUES (?, ?, ?)').run(i.year, title, now).lastInsertRowid);
      const ins = ctx.sqlite.prepare(`INSERT INTO governance_tasks (ledger_id, seq, section, title, content, deadline, deadline_note, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      const tasks = i.fromTemplate ? GOVERNANCE_TEMPLATE : [];
      tasks.forEach((t, k) => ins.run(ledgerId, k + 1, t.section, t.title, t.content, `${i.year}-${t.deadlineMonthDay}`, t.deadlineNote, now));
      ctx.audit({ entity: 'governance_ledger', entityId: ledgerId, after: { year: i.year, title, tasks: tasks.length } });
      return { id: ledgerId, tasks: tasks.length };
    },
  }),
  'supervision.governance.tasks': channel({
    title: '专项治理台账任务', permission: 'read', kind: 'query', input: z.object({ ledgerId: id, today: isoDate.optional() }),
    handler: (ctx, i) => {
      const today = i.today ?? todayIso();
      return (ctx.sqlite.prepare('SELECT * FROM governance_tasks WHERE ledger_id = ? ORDER BY seq, id').all(i.ledgerId) as TaskRow[]).map((t) => taskView(t, today));
    },
  }),
  'supervision.governance.saveTask': channel({
    title: '新增或更新专项治理任务（责任人、进展、佐证）', permission: 'case.write', kind: 'mutation',
    input: z.object({ id: id.optional(), ledgerId: id, section: text(60).default(''), title: text(80).min(1, '请填写任务名称'),
      content: text(1000).default(''), deadline: optDate, deadlineNote: text(40).default(''), responsible: text(40).default(''),
      status: z.enum(TASK_STATUSES).default('未开始'), progress: text(2000).default(''), evidence: text(2000).default(''),
      evidenceFiles: z.array(z.string().max(200)).max(30).default([]) }),
    handler: (ctx, i) => {
      mustGet(ctx.sqlite, 'SELECT id FROM governance_ledgers WHERE id = ?', i.ledgerId, '专项治理台账');
      for (const f of i.evidenceFiles) inboxPath(ctx.dataDir, f);
      const now = new Date().toISOString();
      const values = [i.section, i.title, i.content, i.deadline ?? null, i.deadlineNote, i.responsible, i.status, i.progress, i.evidence,
        JSON.stringify(i.evidenceFiles), now];
      if (i.id) {
        const before = mustGet<TaskRow>(ctx.sqlite, 'SELECT * FROM governance_tasks WHERE id = ?', i.id, '任务');
        if (before.ledger_id !== i.ledgerId) throw new AppError('VALIDATION', '任务不属于该台账');
        ctx.sqlite.prepare(`UPDATE governance_tasks SET section = ?, title = ?, content = ?, deadline = ?, deadline_note = ?, responsible = ?, status = ?,
          progress = ?, evidence = ?, evidence_files = ?, updated_at = ? WHERE id = ?`).run(...values, i.id);
        ctx.audit({ entity: 'governance_task', entityId: i.id, before, after: i });
        return { id: i.id };
      }
      const seq = (ctx.sqlite.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM governance_tasks WHERE ledger_id = ?').get(i.ledgerId) as { s: number }).s;
      const r = ctx.sqlite.prepare(`INSERT INTO governance_tasks (section, title, content, deadline, deadline_note, responsible, status, progress, evidence,
        evidence_files, updated_at, ledger_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...values, i.ledgerId, seq);
      const newId = Number(r.lastInsertRowid);
      ctx.audit({ entity: 'governance_task', entityId: newId, after: i });
      return { id: newId };
    },
  }),
};
