import { pinyin, polyphonic } from 'pinyin-pro';

/** Pinyin keys for search: initials ("zs") and full ("zhangsan"), lowercase, no tones or spaces. */
export function namePinyin(name: string): { initials: string; full: string } {
  let hit = cache.get(name);
  if (!hit) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(name, (hit = fromCharacters(name) ?? fullPinyin(name)));
  }
  return hit;
}

/** Names repeat a lot in a township (张伟, 王秀英): caching makes a 50,000-person import cheap. */
const CACHE_MAX = 50_000;
const cache = new Map<string, { initials: string; full: string }>();

/** What pinyin-pro gives for the whole name: words and surnames decide polyphonic readings (单 shan, 曾 zeng, 重庆 chong). */
export function fullPinyin(name: string): { initials: string; full: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true, surname: 'head' }) as string[];
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  return { initials: clean.map((s) => s[0] ?? '').join(''), full: clean.join('') };
}

/**
 * A character with ONE reading (toneless) reads the same in every word and as a surname, so a name made only of
 * such characters is its characters' readings put together: cached per character, that skips pinyin-pro's word
 * matching for most distinct names of a big roster. Anything else (a polyphonic character, a letter, ·, a character
 * pinyin-pro does not know) returns null and the whole name goes through fullPinyin.
 */
function fromCharacters(name: string): { initials: string; full: string } | null {
  let initials = '';
  let full = '';
  for (const c of name) {
    const r = singleReading(c);
    if (r === null) return null;
    initials += r[0];
    full += r;
  }
  return full ? { initials, full } : null;
}

const readings = new Map<string, string | null>();
function singleReading(c: string): string | null {
  let r = readings.get(c);
  if (r === undefined) {
    const all = new Set((polyphonic(c, { toneType: 'none', type: 'array', v: true }) as string[][])[0] ?? []);
    const one = fullPinyin(c).full;
    r = all.size === 1 && all.has(one) && /^[a-z]+$/.test(one) ? one : null;
    readings.set(c, r);
  }
  return r;
}
