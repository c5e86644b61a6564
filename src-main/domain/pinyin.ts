import { pinyin } from 'pinyin-pro';

/** Pinyin keys for search: initials ("zs") and full ("zhangsan"), lowercase, no tones or spaces. */
export function namePinyin(name: string): { initials: string; full: string } {
  let hit = cache.get(name);
  if (!hit) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(name, (hit = computePinyin(name)));
  }
  return hit;
}

/** Names repeat a lot in a township (张伟, 王秀英): caching makes a 50,000-person import cheap. */
const CACHE_MAX = 50_000;
const cache = new Map<string, { initials: string; full: string }>();

function computePinyin(name: string): { initials: string; full: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true, surname: 'head' }) as string[];
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  return { initials: clean.map((s) => s[0] ?? '').join(''), full: clean.join('') };
}
