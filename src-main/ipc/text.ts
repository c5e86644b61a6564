/**
 * Text uploads (CSV/TXT) as Excel and WPS save them: UTF-8 (with or without a BOM), GBK, or "Unicode 文本", which is
 * UTF-16 with a byte-order mark (little-endian from Excel on Windows, big-endian from some tools).
 */

/** The UTF-16 byte order a BOM announces, or null. */
export function utf16Bom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

/** Strictly decoded UTF-16 after its BOM, or null when the bytes are not valid UTF-16 (odd length, lone surrogates). */
export function decodeUtf16(buf: Uint8Array): string | null {
  const order = utf16Bom(buf);
  if (!order || buf.length % 2 !== 0) return null;
  try { return new TextDecoder(order, { fatal: true }).decode(buf.subarray(2)); } catch { return null; }
}

/** Characters a table of names, IDs, amounts and places is made of; anything else in bulk means it is not text. */
const TABLE_CHAR = /[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\ufeff]|[\ud840-\ud87f][\udc00-\udfff]/gu;
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

/**
 * Whether decoded text can be a table someone saved as text: no control characters (a binary decoded as UTF-16
 * is full of them, or of unpaired surrogates, which the strict decoder already refused) and at least 95% of its
 * characters the kinds tables hold (Latin, digits, punctuation, CJK, full-width forms).
 */
export function isTableText(text: string): boolean {
  if (!text.length || CONTROL.test(text)) return false;
  let table = 0;
  for (const m of text.matchAll(TABLE_CHAR)) table += m[0].length;
  return table >= text.length * 0.95;
}
