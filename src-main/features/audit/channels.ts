import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { verifyAuditChain } from './chain';
import { roleHas } from '../../ipc/permissions';
import { maskDeep, maskText } from '../../ipc/mask';

interface AuditListRow { id: number; at: string; username: string; channel: string; entity: string; entityId: string | null; before: string | null; after: string | null }

/** Masks every 7+ digit run (ID, phone, account, in any spacing or width) in the strings of the stored JSON and the entity id. */
const maskJson = (j: string | null) => {
  if (j === null) return j;
  try { return JSON.stringify(maskDeep(JSON.parse(j))); } catch { return maskText(j); }
};
const maskRow = (r: AuditListRow): AuditListRow => ({ ...r, entityId: r.entityId && maskText(r.entityId),
  before: maskJson(r.before), after: maskJson(r.after) });

export const auditChannels = {
  'audit.list': channel({
    title: '审计记录（全局或按对象，可筛选）', permission: 'read', kind: 'query',
    input: z.object({
      entity: z.string().max(40).optional(), entityId: z.string().max(40).optional(),
      username: z.string().max(64).optional(), channel: z.string().max(80).optional(),
      from: z.string().max(30).optional(), to: z.string().max(30).optional(),
      page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50),
    }),
    handler: (ctx, i) => {
      const where: string[] = [];
      const args: unknown[] = [];
      const add = (sql: string, v: unknown) => { if (v !== undefined && v !== '') { where.push(sql); args.push(v); } };
      add('entity = ?', i.entity); add('entity_id = ?', i.entityId); add('username = ?', i.username);
      add('channel = ?', i.channel); add('at >= ?', i.from); add('at <= ?', i.to);
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (ctx.sqlite.prepare(`SELECT COUNT(*) AS n FROM audit_log ${w}`).get(...args) as { n: number }).n;
      const rows = ctx.sqlite.prepare(`SELECT id, at, username, channel, entity, entity_id AS entityId, before, after
        FROM audit_log ${w} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...args, i.pageSize, (i.page - 1) * i.pageSize) as AuditListRow[];
      // the trail records full numbers; a viewer without sensitive.read (只读, 审核人) sees them masked like every other view
      return { total, rows: roleHas(ctx.actor.role, 'sensitive.read') ? rows : rows.map(maskRow) };
    },
  }),
  'audit.verify': channel({
    title: '校验审计链', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => verifyAuditChain(ctx.sqlite),
  }),
};
