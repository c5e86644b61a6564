import type { Content, StyleDictionary, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { MAIN_FONT } from './fonts';
import type { DocBody } from './document';

export const mm = (v: number) => (v * 72) / 25.4;

/**
 * GB/T 9704-2012 page margins in mm (left, top, right, bottom): 天头 37, 订口 28, text block 156 × 225 on A4.
 * Landscape keeps the binding edge (left) and uses the same top/bottom ratios on the short side.
 */
export const MARGINS_MM = {
  portrait: [28, 37, 26, 35],
  landscape: [25, 28, 25, 24],
} as const;

/** Extra bottom margin for a row of signature lines in the footer (the line, room to sign above it). */
const SIGNER_FOOTER_MM = 12;

/** 套打 offset: moves everything printed by x mm right and y mm down (pre-printed paper). */
export interface Offset { xMm: number; yMm: number }

export const DEFAULT_STYLES: StyleDictionary = {
  title: { fontSize: 20, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
  subtitle: { fontSize: 12, alignment: 'center', margin: [0, 0, 0, 10] },
  tableHeader: { bold: true, alignment: 'center', fillColor: '#eeeeee' },
  note: { fontSize: 10.5, lineHeight: 1.3 },
  small: { fontSize: 9, color: '#444444' },
};

export interface Composed {
  definition: TDocumentDefinitions;
  pageCount(): number;
  /** With page runs: the pages each run covered in this layout (feed them back to number each run by itself). */
  runPages(): number[][];
}

/** Wraps a document body with page size, margins, fonts, header/footer (第X页 共Y页) and the 套打 offset. */
export function compose(body: DocBody, opts: { title: string; orientation: 'portrait' | 'landscape'; offset: Offset },
  knownRunPages?: number[][]): Composed {
  const [l, t, r, b] = MARGINS_MM[opts.orientation];
  const { xMm, yMm } = opts.offset;
  let pages = 0;
  const seen: number[][] = [];
  const signers = body.footerSigners ?? [];
  const signerRow: Content[] = signers.length
    ? [{ columns: signers.map((s) => ({ text: `${s}（签字）：________________`, fontSize: 10.5 })), margin: [0, 0, 0, mm(4)] }]
    : [];
  const footerFor = (pageLabel: (current: number, total: number) => string) => (current: number, total: number) => {
    pages = Math.max(pages, total);
    return {
      margin: [mm(l + xMm), mm(signers.length ? 4 : 8), mm(r - xMm), 0],
      stack: [...signerRow, {
        columns: [
          { text: body.footerText ?? '', style: 'small', width: '*' },
          { text: pageLabel(current, total), style: 'small', alignment: 'center', width: 'auto' },
          { text: '', width: '*' },
        ],
      }],
    } as Content;
  };
  // Each run is a pdfmake section (it starts a page) with its own footer that numbers the run's pages.
  const runLabel = (i: number) => (current: number, total: number) => {
    (seen[i] ??= []).push(current);
    const known = knownRunPages?.[i];
    return known?.length ? `第${current - known[0] + 1}页 共${known.length}页` : `第${current}页 共${total}页`;
  };
  const content: Content = body.pageRuns && Array.isArray(body.content)
    ? body.content.map((run, i) => ({ section: run, footer: footerFor(runLabel(i)) }) as unknown as Content)
    : body.content;
  const definition: TDocumentDefinitions = {
    info: { title: opts.title, creator: '乡镇低保档案与复核工作站', producer: 'dibao-desk' },
    pageSize: 'A4',
    pageOrientation: opts.orientation,
    pageMargins: [mm(l + xMm), mm(t + yMm), mm(r - xMm), mm(b - yMm + (signers.length ? SIGNER_FOOTER_MM : 0))],
    defaultStyle: { font: MAIN_FONT, fontSize: 12, lineHeight: 1.15 },
    styles: { ...DEFAULT_STYLES, ...body.styles },
    header: body.headerText
      ? () => ({ text: body.headerText!, style: 'small', alignment: 'right', margin: [mm(l + xMm), mm(12 + yMm), mm(r - xMm), 0] })
      : undefined,
    footer: footerFor((current, total) => `第${current}页 共${total}页`),
    content,
  };
  return { definition, pageCount: () => pages, runPages: () => seen };
}

/** A centred title with an optional subtitle line. */
export function titleBlock(title: string, subtitle?: string): Content[] {
  return [{ text: title, style: 'title' }, ...(subtitle ? [{ text: subtitle, style: 'subtitle' } as Content] : [])];
}

export interface Column { header: string; width: number | '*' | 'auto'; align?: 'left' | 'center' | 'right' }

/** A ruled table whose header row repeats on every page; rows never split across pages. */
export function dataTable(columns: Column[], rows: (string | number)[][], opts: { fontSize?: number; minRowHeightMm?: number } = {}): Content {
  const header: TableCell[] = columns.map((c) => ({ text: c.header, style: 'tableHeader' }));
  const body: TableCell[][] = rows.map((row) => row.map((v, i) => ({ text: String(v), alignment: columns[i]?.align ?? 'left' })));
  return {
    fontSize: opts.fontSize ?? 10.5,
    table: { headerRows: 1, dontBreakRows: true, widths: columns.map((c) => c.width), body: [header, ...body],
      // pdfmake grows a row past this when its text needs more; the minimum leaves room to write by hand.
      ...(opts.minRowHeightMm ? { heights: (i: number) => (i === 0 ? 'auto' : mm(opts.minRowHeightMm!)) } : {}) },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 3, paddingBottom: () => 3, paddingLeft: () => 3, paddingRight: () => 3 },
  };
}

/**
 * The signing area: optional signer lines on the left; on the right the organisation and the date inside a
 * dashed circle that marks where the seal (公章) goes. Unbreakable, with `lead` (e.g. a totals line) kept
 * on the same page, so a seal never stands alone on a page.
 */
export function signatureBlock(opts: { org?: string; date?: string; signers?: string[]; seal?: boolean; lead?: Content[] }): Content {
  const r = mm(19);
  const seal: Content[] = opts.seal
    ? [{ canvas: [{ type: 'ellipse', x: mm(35), y: r, r1: r, r2: r, dash: { length: 3 }, lineColor: '#aaaaaa', lineWidth: 0.6 }] },
       { text: '（盖章）', alignment: 'center', color: '#aaaaaa', fontSize: 9, relativePosition: { x: 0, y: -r * 2 + mm(3) } }]
    : [];
  const right: Content[] = [
    ...seal,
    { stack: [opts.org ?? '', opts.date ?? ''].filter(Boolean), alignment: 'center', margin: [0, opts.seal ? -r - mm(5) : 0, 0, 0] },
  ];
  const left: Content[] = (opts.signers ?? []).map((s) => ({ text: `${s}（签字）：________________`, margin: [0, 0, 0, 10] }));
  return {
    unbreakable: true,
    stack: [...(opts.lead ?? []), { margin: [0, mm(6), 0, 0], columns: [{ stack: left, width: '*' }, { stack: right, width: mm(70) }] }],
  };
}

/** The page width available to content, for documents that size columns themselves. */
export function contentWidth(orientation: 'portrait' | 'landscape'): number {
  const [l, , r] = MARGINS_MM[orientation];
  return mm((orientation === 'portrait' ? 210 : 297) - l - r);
}
