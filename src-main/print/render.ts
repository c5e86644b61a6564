import fs from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError, forbidden, notFound } from '../ipc/errors';
import { roleHas } from '../ipc/permissions';
import { outboxPath } from '../ipc/files';
import { getSetting } from '../features/settings/store';
import type { PrintContext } from './document';
import { findDocument } from './documents';
import { fontDictionary } from './fonts';
import { fixNode } from './glyphs';
import { compose, type Offset } from './layout';
import { assertPublicSafe, textOf } from './privacy';

export { titleBlock, signatureBlock, dataTable, contentWidth, mm, type Column } from './layout';

/** Settings key of a document's 套打 offset in mm, e.g. print.offset.notice.longterm = {"xMm":2,"yMm":-1}. */
export const offsetKey = (documentName: string) => `print.offset.${documentName}`;

export interface Rendered {
  outboxName: string;
  pages: number;
  file: string;
  /** Characters no installed font has; printed as 〓 so they can be written in by hand. */
  missingGlyphs: string[];
}

/**
 * Renders a pdfmake definition to PDF bytes with our fonts. Characters the main font lacks are switched to
 * a fallback font first (pdfmake would draw them blank). Never reads URLs or local files named in the document.
 */
export async function renderToBuffer(definition: TDocumentDefinitions, missing = new Set<string>()): Promise<Buffer> {
  const fixed: TDocumentDefinitions = { ...definition, content: fixNode(definition.content, missing) as TDocumentDefinitions['content'] };
  const fonts = fontDictionary();
  const fontFiles = new Set(Object.values(fonts).flatMap((f) => Object.values(f)).map((v) => path.resolve(Array.isArray(v) ? v[0] : v)));
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  // only our font files may be read; a document can never pull in another local file
  (pdfmake as unknown as { setLocalAccessPolicy(cb: (p: string) => boolean): void }).setLocalAccessPolicy((p) => fontFiles.has(path.resolve(p)));
  return pdfmake.createPdf(fixed).getBuffer();
}

const stamp = (d = new Date()) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
};
const safeBase = (s: string) => s.replace(/[^\w\u4e00-\u9fa5.\-()（）]/g, '_').slice(0, 100);

/** Builds, guards and renders one registered document into the outbox, for an actor allowed to print it. */
export async function renderDocument(ctx: PrintContext, name: string, args: unknown): Promise<Rendered> {
  const doc = findDocument(name);
  if (!doc) throw notFound('打印文档', name);
  if (doc.permission && !roleHas(ctx.actor.role, doc.permission)) throw forbidden('当前账号没有打印此文档的权限');
  const parsed = doc.input.safeParse(args ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('VALIDATION', `打印参数有误：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim(), parsed.error.issues);
  }
  const body = await doc.build(ctx, parsed.data);
  if (doc.public) assertPublicSafe(textOf([body.content, body.headerText ?? '', body.footerText ?? '']).join('\n'), body.publicNumbers);
  const offset = getSetting<Offset>(ctx.sqlite, offsetKey(doc.name), { xMm: 0, yMm: 0 });
  const layout = { title: doc.title, orientation: doc.orientation ?? 'portrait' as const, offset };
  let composed = compose(body, layout);
  const missing = new Set<string>();
  let pdf = await renderToBuffer(composed.definition, missing);
  if (body.pageRuns && composed.runPages().length > 1) {
    // Second pass: now that each run's pages are known, number them per run. pdfmake mutates the nodes it
    // lays out, so the second pass gets a freshly built body (the same data, the same layout).
    composed = compose(await doc.build(ctx, parsed.data), layout, composed.runPages());
    pdf = await renderToBuffer(composed.definition, missing);
  }
  const outboxName = `${safeBase(body.fileName ?? doc.title)}-${stamp()}.pdf`;
  const file = outboxPath(ctx.dataDir, outboxName);
  fs.writeFileSync(file, pdf);
  return { outboxName, pages: composed.pageCount(), file, missingGlyphs: [...missing] };
}
