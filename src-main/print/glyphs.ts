import { fallbackFonts, mainFontCoverage, type Coverage } from './fonts';

/** Printed where no installed font has the character: the typesetter's 〓 (geta), so a clerk sees it and writes it in. */
export const MISSING_MARK = '〓';

export interface Run { text: string; font?: string }

/** Which font draws this code point: undefined = the main font; null = none has it. */
function fontFor(cp: number, main: Coverage): string | undefined | null {
  if (cp < 0x80 || main.has(cp)) return undefined;
  if (cp === 0x20 || cp === 0x0a || cp === 0x09) return undefined;
  for (const f of fallbackFonts()) if (f.coverage.has(cp)) return f.coverage.name;
  return null;
}

/**
 * pdfmake has no font fallback: it draws a character the font lacks as nothing. Splits a string into runs
 * by glyph coverage; characters no font has become 〓 and are reported in `missing`.
 */
export function splitRuns(text: string, missing: Set<string>): Run[] | null {
  const main = mainFontCoverage();
  let plain = true;
  for (const ch of text) {
    if (fontFor(ch.codePointAt(0)!, main) !== undefined) { plain = false; break; }
  }
  if (plain) return null;
  const runs: Run[] = [];
  for (const ch of text) {
    const font = fontFor(ch.codePointAt(0)!, main);
    const piece = font === null ? MISSING_MARK : ch;
    if (font === null) missing.add(ch);
    const f = font ?? undefined;
    const last = runs[runs.length - 1];
    if (last && last.font === f) last.text += piece;
    else runs.push(f ? { text: piece, font: f } : { text: piece });
  }
  return runs;
}

type Node = unknown;

/** Rewrites a text value (string or inline array) so every character is drawn by a font that has it. */
function fixInline(t: Node, missing: Set<string>): Node {
  if (typeof t === 'string') return splitRuns(t, missing) ?? t;
  if (Array.isArray(t)) return t.map((x) => (typeof x === 'string' ? (splitRuns(x, missing) ?? x) : fixNode(x, missing)));
  return t;
}

const CONTAINERS = ['stack', 'columns', 'ul', 'ol', 'section'] as const;

/** Walks a pdfmake content tree and applies fixInline to every text it will draw. */
export function fixNode(node: Node, missing: Set<string>): Node {
  if (typeof node === 'string') {
    const runs = splitRuns(node, missing);
    return runs ? { text: runs } : node;
  }
  if (Array.isArray(node)) return node.map((n) => fixNode(n, missing));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  if ('text' in out) out.text = fixInline(out.text, missing);
  for (const k of CONTAINERS) if (Array.isArray(out[k])) out[k] = (out[k] as Node[]).map((n) => fixNode(n, missing));
  const table = out.table as { body?: Node[][] } | undefined;
  if (table?.body) out.table = { ...table, body: table.body.map((row) => row.map((c) => fixNode(c, missing))) };
  return out;
}
