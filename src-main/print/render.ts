import fs from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError, forbidden, notFound } from '../ipc/errors';
import { roleHas, type Permission } from '../ipc/permissions';
import { newOutboxFile, type OutboxWriter } from '../ipc/outbox';
import { getSetting } from '../features/settings/store';
import type { DocBody, PrintContext, PrintDocument } from './document';
import { findDocument } from './documents';
import { fontDictionary, notoBold, notoRegular } from './fonts';
import { fixNode } from './glyphs';
import { compose, type Composed, type Offset } from './layout';
import { assertPublicSafe, carriesPersonalNumbers, maskedForViewer, publicText } from './privacy';

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
export async function renderToBuffer(definition: TDocumentDefinitions, missing = new Set<string>(),
  opts: { onRendered?: (fraction: number) => void; layoutOnly?: boolean } = {}): Promise<Buffer> {
  const fixed: TDocumentDefinitions = { ...definition, content: fixNode(definition.content, missing) as TDocumentDefinitions['content'],
    // layout only (footers are laid out too, so page runs learn their pages), no page drawn: the first pass of a run document
    ...(opts.layoutOnly ? { maxPagesNumber: 0 } : {}) };
  const fonts = fontDictionary();
  keepMainFontInMemory();
  const fontFiles = new Set(Object.values(fonts).flatMap((f) => Object.values(f)).map((v) => path.resolve(Array.isArray(v) ? v[0] : v)));
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  // only our font files may be read; a document can never pull in another local file
  (pdfmake as unknown as { setLocalAccessPolicy(cb: (p: string) => boolean): void }).setLocalAccessPolicy((p) => fontFiles.has(path.resolve(p)));
  // createPdf copies the callback into this document's options at once, so documents rendered side by side keep their own
  const setProgress = (pdfmake as unknown as { setProgressCallback(cb?: (f: number) => void): void }).setProgressCallback.bind(pdfmake);
  setProgress(opts.onRendered);
  try { return await pdfmake.createPdf(fixed).getBuffer(); } finally { setProgress(undefined); }
}

/**
 * pdfkit reads a font file named by path again for every document: 21 MB of Noto Sans SC, about 50 ms of each
 * 1,000-household notice. The main font's two files are kept in pdfmake's in-memory file system once per process
 * (a worker renders many documents); pdfmake looks there first. Fallback fonts (rarely opened, up to 20 MB each) are not.
 */
let mainFontLoaded = false;
function keepMainFontInMemory() {
  if (mainFontLoaded) return;
  const memory = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs;
  for (const file of [notoRegular(), notoBold()]) memory.writeFileSync(file, fs.readFileSync(file));
  mainFontLoaded = true;
}

const stamp = (d = new Date()) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
};
const safeBase = (s: string) => s.replace(/[^\w\u4e00-\u9fa5.\-()（）]/g, '_').slice(0, 100);

/** A rendered PDF not yet in the outbox: its bytes, the outbox label and who may read it. */
export interface ProducedPdf { pdf: Buffer; label: string; permission: Permission[]; pages: number; missingGlyphs: string[] }

/**
 * Builds, guards and renders one registered document for an actor allowed to print it. Reads only, so it also runs
 * in a worker thread on a read-only snapshot; with ctx.progress it reports 正在排版 and 第 N 村 / 共 M 村，第 P 页.
 */
export async function producePdf(ctx: PrintContext, name: string, args: unknown): Promise<ProducedPdf> {
  const doc = findDocument(name);
  if (!doc) throw notFound('打印文档', name);
  if (doc.permission && !roleHas(ctx.actor.role, doc.permission)) throw forbidden('当前账号没有打印此文档的权限');
  const parsed = doc.input.safeParse(args ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('VALIDATION', `打印参数有误：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim(), parsed.error.issues);
  }
  const say = (done: number, total: number, message: string) => ctx.progress?.({ done, total, message });
  say(0, 0, '正在整理数据…');
  // a viewer without sensitive.read gets every ID and bank number masked, whichever document made them
  const shown = (b: DocBody) => (roleHas(ctx.actor.role, 'sensitive.read') ? b : maskedForViewer(b));
  const built = await doc.build(ctx, parsed.data);
  // every field of the body (cells, header, footer, file name, the published numbers from settings), not only content.
  // Guarded before masking: a public notice refuses a planted number outright, it never posts it half-masked.
  if (doc.public) assertPublicSafe(publicText(built), built.publicNumbers);
  const body = shown(built);
  const offset = getSetting<Offset>(ctx.sqlite, offsetKey(doc.name), { xMm: 0, yMm: 0 });
  const layout = { title: doc.title, orientation: doc.orientation ?? 'portrait' as const, offset };
  const runs = body.pageRuns && Array.isArray(body.content) ? body.content.length : 1;
  const unit = body.runUnit ?? '份';
  say(0, 0, runs > 1 ? `正在排版（共${runs}${unit}）…` : '正在排版…');
  let composed = compose(body, layout);
  const missing = new Set<string>();
  if (runs > 1) {
    // Two passes: the first only lays out (draws no page) to learn each run's pages, the second numbers each run
    // by itself. pdfmake mutates the nodes it lays out, so the second pass gets a freshly built body.
    await renderToBuffer(composed.definition, missing, { layoutOnly: true });
    const known = composed.runPages();
    composed = compose(shown(await doc.build(ctx, parsed.data)), layout, known);
    say(0, 0, `正在排版（共${runs}${unit}，${known.flat().length}页）…`);
  }
  const pdf = await renderToBuffer(composed.definition, missing, { onRendered: ctx.progress && pageProgress(composed, runs, unit, say) });
  return { pdf, label: `${safeBase(body.fileName ?? doc.title)}-${stamp()}.pdf`, permission: permissionOf(doc, body),
    pages: composed.pageCount(), missingGlyphs: [...missing] };
}

/**
 * Who may fetch the produced file: the document's print permission, what the body says it contains and, whatever
 * the document says, sensitive.read when its text shows an unmasked ID, bank or phone number (a printout with
 * full numbers never lands in the outbox for roles that may not see them).
 */
function permissionOf(doc: PrintDocument<any>, body: DocBody): Permission[] {
  const detected = carriesPersonalNumbers(publicText(body), body.publicNumbers) ? (['sensitive.read'] as const) : [];
  return [doc.permission ?? 'read', ...(body.contains ? [body.contains] : []), ...detected];
}

/** Turns pdfmake's drawn fraction into 第 N 村 / 共 M 村，第 P 页 / 共 Q 页 (the pages are known once layout ended). */
function pageProgress(composed: Composed, runs: number, unit: string, say: (done: number, total: number, message: string) => void) {
  return (fraction: number) => {
    const total = composed.pageCount();
    const page = Math.max(1, Math.ceil(fraction * total));
    const run = runs > 1 ? composed.runPages().findIndex((pages) => pages.includes(page)) + 1 : 0;
    say(page, total, `${run > 0 ? `第${run}${unit} / 共${runs}${unit}，` : ''}第${page}页 / 共${total}页`);
  };
}

/**
 * Records a produced PDF in the outbox and puts its bytes there: from memory, or by renaming the temp file a worker
 * wrote (same folder, so the rename is atomic and a reader never sees half a PDF).
 */
export function saveProducedPdf(ctx: OutboxWriter, p: Omit<ProducedPdf, 'pdf'>, bytes: Buffer | { tempFile: string }): Rendered {
  // the file is readable with the document's permission; only the app's own PDFs are shown inline
  const { name: outboxName, path: file } = newOutboxFile(ctx, p.label, { permission: p.permission, inline: true });
  if (Buffer.isBuffer(bytes)) fs.writeFileSync(file, bytes);
  else fs.renameSync(bytes.tempFile, file);
  return { outboxName, pages: p.pages, file, missingGlyphs: p.missingGlyphs };
}

/** Builds, guards and renders one registered document into the outbox, in this thread (package export, tests). */
export async function renderDocument(ctx: PrintContext, name: string, args: unknown): Promise<Rendered> {
  const p = await producePdf(ctx, name, args);
  return saveProducedPdf(ctx, p, p.pdf);
}
