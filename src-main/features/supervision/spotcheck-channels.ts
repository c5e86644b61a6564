// County spot checks of near-relative cases: a seeded random draw, recorded with who drew it and when.
import crypto from 'node:crypto';
import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { drawSample, SPOT_RESULTS } from './rules';
import { getCase, spotCheckPopulation } from './cases';
import { id, isoDate, mustGet, text } from './common';

interface SpotRow { id: number; title: string; seed: number; sample_size: number; population: string; drawn: string; drawn_by: string; drawn_at: string; note: string }

const summary = (s: SpotRow) => ({ id: s.id, title: s.title, seed: s.seed, sampleSize: s.sample_size,
  populationSize: (JSON.parse(s.population) as number[]).length, drawnBy: s.drawn_by, drawnAt: s.drawn_at, note: s.note });

export const spotCheckChannels = {
  'supervision.spotChecks.list': channel({
    title: '近亲属备案抽查记录', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => (ctx.sqlite.prepare('SELECT * FROM spot_checks ORDER BY id DESC').all() as SpotRow[]).map(summary),
  }),
  'supervision.spotChecks.draw': channel({
    title: '随机抽取近亲属备案户（种子可复现）', permission: 'case.write', kind: 'mutation',
    input: z.object({ title: text(60).min(1, '请填写抽查名称'), sampleSize: z.number().int().min(1).max(1000),
      seed: z.number().int().min(0).max(2 ** 31).optional(), note: text(200).default('') }),
    handler: (ctx, i) => {
      const population = spotCheckPopulation(ctx.sqlite);
      if (population.length === 0) throw new AppError('VALIDATION', '当前没有在保的近亲属备案户，无法抽查');
      const seed = i.seed ?? crypto.randomInt(0, 2 ** 31);
      const drawn = drawSample(population, seed, i.sampleSize);
      const at = new Date().toISOString();
      const r = ctx.sqlite.prepare(`INSERT INTO spot_checks (title, seed, sample_size, population, drawn, drawn_by, drawn_at, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(i.title, seed, drawn.length, JSON.stringify(population), JSON.stringify(drawn), ctx.actor.displayName, at, i.note);
      const spotId = Number(r.lastInsertRowid);
      const ins = ctx.sqlite.prepare('INSERT INTO spot_check_items (spot_check_id, match_id) VALUES (?, ?)');
      for (const m of drawn) ins.run(spotId, m);
      ctx.audit({ entity: 'spot_check', entityId: spotId, after: { title: i.title, seed, population, drawn } });
      return { id: spotId, seed, drawn, populationSize: population.length };
    },
  }),
  'supervision.spotChecks.get': channel({
    title: '抽查明细（含按种子复核抽样结果）', permission: 'read', kind: 'query', input: z.object({ id }),
    handler: (ctx, i) => {
      const s = mustGet<SpotRow>(ctx.sqlite, 'SELECT * FROM spot_checks WHERE id = ?', i.id, '抽查记录');
      const drawn = JSON.parse(s.drawn) as number[];
      const redrawn = drawSample(JSON.parse(s.population) as number[], s.seed, s.sample_size);
      const items = ctx.sqlite.prepare('SELECT * FROM spot_check_items WHERE spot_check_id = ? ORDER BY id').all(i.id) as
        { id: number; match_id: number; result: string; checked_by: string; checked_date: string | null; note: string }[];
      return { ...summary(s), reproducible: JSON.stringify(redrawn) === JSON.stringify(drawn),
        items: items.map((it) => ({ id: it.id, result: it.result, checkedBy: it.checked_by, checkedDate: it.checked_date, note: it.note, case: getCase(ctx.sqlite, it.match_id) })) };
    },
  }),
  'supervision.spotChecks.record': channel({
    title: '登记抽查复核结果', permission: 'case.write', kind: 'mutation',
    input: z.object({ itemId: id, result: z.enum(SPOT_RESULTS), checkedBy: text(40).min(1, '请填写核查人'), checkedDate: isoDate, note: text(300).default('') }),
    handler: (ctx, i) => {
      const before = mustGet(ctx.sqlite, 'SELECT * FROM spot_check_items WHERE id = ?', i.itemId, '抽查户');
      ctx.sqlite.prepare('UPDATE spot_check_items SET result = ?, checked_by = ?, checked_date = ?, note = ? WHERE id = ?')
        .run(i.result, i.checkedBy, i.checkedDate, i.note, i.itemId);
      ctx.audit({ entity: 'spot_check_item', entityId: i.itemId, before, after: i });
      return { id: i.itemId };
    },
  }),
};
