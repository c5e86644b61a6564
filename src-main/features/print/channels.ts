import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { getSetting, setSetting } from '../settings/store';
import { documents } from '../../print/documents';
import { offsetKey, saveProducedPdf } from '../../print/render';
import type { RenderedInWorker } from './jobs';
import type { Offset } from '../../print/layout';

const offsetMm = z.number().min(-30, '偏移不能超过30毫米').max(30, '偏移不能超过30毫米');

export const printChannels = {
  'print.list': channel({
    title: '可打印的文档及其套打偏移', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => documents.map((d) => ({
      name: d.name, title: d.title, public: d.public, orientation: d.orientation ?? 'portrait',
      offset: getSetting<Offset>(ctx.sqlite, offsetKey(d.name), { xMm: 0, yMm: 0 }),
    })),
  }),
  'print.render': channel({
    title: '生成PDF（打印即读取）', permission: 'read', kind: 'job',
    input: z.object({ document: z.string().min(1), args: z.unknown().optional() }),
    handler: async (ctx, i) => {
      ctx.progress({ done: 0, total: 0, message: '正在生成PDF…' });
      // laid out and drawn in a worker thread (the window keeps answering); the outbox record is written here
      const produced = await ctx.inWorker<RenderedInWorker>('print.render', { document: i.document, args: i.args ?? {} });
      const r = saveProducedPdf(ctx, produced, { tempFile: produced.tempFile });
      ctx.progress({ done: 1, total: 1, message: `已生成，共${r.pages}页` });
      return { outboxName: r.outboxName, pages: r.pages, missingGlyphs: r.missingGlyphs };
    },
  }),
  'print.setOffset': channel({
    title: '设置文档的套打偏移（毫米）', permission: 'admin', kind: 'mutation',
    input: z.object({ document: z.string().min(1), xMm: offsetMm, yMm: offsetMm }),
    handler: (ctx, i) => {
      const key = offsetKey(i.document);
      const before = getSetting<Offset | null>(ctx.sqlite, key, null);
      const after = { xMm: i.xMm, yMm: i.yMm };
      setSetting(ctx.sqlite, key, after);
      ctx.audit({ entity: 'setting', entityId: key, before, after });
      return after;
    },
  }),
};
