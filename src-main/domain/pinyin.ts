import { pinyin } from 'pinyin-pro';

/** Pinyin keys for search: initials ("zs") and full ("zhangsan"), lowercase, no tones or spaces. */
export function namePinyin(name: string): { initials: string; full: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true, surname: 'head' }) as string[];
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  return { initials: clean.map((s) => s[0] ?? '').join(''), full: clean.join('') };
}
