import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import type Database from 'better-sqlite3';

export interface RegionRow { id: number; parent_id: number | null; level: 'township' | 'village' | 'group'; name: string; code: string | null; sort: number }
export interface RegionNode { id: number; level: string; name: string; code: string | null; children: RegionNode[] }

const CHILD_LEVEL = { township: 'village', village: 'group' } as const;
const LEVEL_LABEL = { township: '乡镇', village: '村/居', group: '组' } as const;

export function regionTree(sqlite: Database.Database): RegionNode[] {
  const rows = sqlite.prepare('SELECT * FROM regions ORDER BY sort, id').all() as RegionRow[];
  const nodes = new Map(rows.map((r) => [r.id, { id: r.id, level: r.level, name: r.name, code: r.code, children: [] as RegionNode[] }]));
  const roots: RegionNode[] = [];
  for (const r of rows) {
    const n = nodes.get(r.id)!;
    const parent = r.parent_id != null ? nodes.get(r.parent_id) : undefined;
    if (parent) parent.children.push(n); else roots.push(n);
  }
  return roots;
}

export function getRegion(sqlite: Database.Database, id: number): RegionRow {
  const r = sqlite.prepare('SELECT * FROM regions WHERE id = ?').get(id) as RegionRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `未找到地址节点（${id}）`);
  return r;
}

export function insertRegion(sqlite: Database.Database, parentId: number | null, level: string, name: string, sort = 0, code: string | null = null): number {
  return Number(sqlite.prepare('INSERT INTO regions (parent_id, level, name, code, sort) VALUES (?, ?, ?, ?, ?)')
    .run(parentId, level, name, code, sort).lastInsertRowid);
}

const name = z.string().trim().min(1, '名称不能为空').max(40);

export const regionChannels = {
  'regions.tree': channel({
    title: '地址树（乡镇→村/居→组）', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => regionTree(ctx.sqlite),
  }),
  'regions.create': channel({
    title: '新增村/居或组', permission: 'admin', kind: 'mutation',
    input: z.object({ parentId: z.number().int().positive(), name }),
    handler: (ctx, i) => {
      const parent = getRegion(ctx.sqlite, i.parentId);
      if (parent.level === 'group') throw new AppError('VALIDATION', '组下面不能再建下级');
      const level = CHILD_LEVEL[parent.level];
      const dup = ctx.sqlite.prepare('SELECT id FROM regions WHERE parent_id = ? AND name = ?').get(parent.id, i.name);
      if (dup) throw new AppError('CONFLICT', `${parent.name}下已有“${i.name}”`, [{ path: 'name', message: `${parent.name}下已有“${i.name}”` }]);
      const sort = (ctx.sqlite.prepare('SELECT COALESCE(MAX(sort), 0) + 1 AS s FROM regions WHERE parent_id = ?').get(parent.id) as { s: number }).s;
      const id = insertRegion(ctx.sqlite, parent.id, level, i.name, sort);
      ctx.audit({ entity: 'region', entityId: id, after: { parentId: parent.id, level, name: i.name } });
      return { id, level, levelLabel: LEVEL_LABEL[level] };
    },
  }),
  'regions.rename': channel({
    title: '重命名地址节点', permission: 'admin', kind: 'mutation',
    input: z.object({ id: z.number().int().positive(), name }),
    handler: (ctx, i) => {
      const r = getRegion(ctx.sqlite, i.id);
      ctx.sqlite.prepare('UPDATE regions SET name = ? WHERE id = ?').run(i.name, i.id);
      ctx.audit({ entity: 'region', entityId: i.id, before: { name: r.name }, after: { name: i.name } });
      return { id: i.id };
    },
  }),
  'regions.remove': channel({
    title: '删除未使用的村/居或组', permission: 'admin', kind: 'mutation',
    input: z.object({ id: z.number().int().positive() }),
    handler: (ctx, i) => {
      const r = getRegion(ctx.sqlite, i.id);
      if (r.level === 'township') throw new AppError('VALIDATION', '不能删除乡镇节点');
      const kids = ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM regions WHERE parent_id = ?').get(i.id) as { n: number };
      const used = ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM households WHERE village_id = ? OR group_id = ?').get(i.id, i.id) as { n: number };
      if (kids.n > 0 || used.n > 0) {
        throw new AppError('CONFLICT', `“${r.name}”下还有 ${kids.n} 个下级、${used.n} 户档案，不能删除`);
      }
      ctx.sqlite.prepare('DELETE FROM regions WHERE id = ?').run(i.id);
      ctx.audit({ entity: 'region', entityId: i.id, before: r, after: null });
      return { id: i.id };
    },
  }),
};
