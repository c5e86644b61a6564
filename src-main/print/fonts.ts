import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type { TFontDictionary } from 'pdfmake/interfaces';
import { appRoot, resourcesDir } from '../paths';

/** The shipped font (SIL OFL 1.1, licence in resources/fonts/). */
export const MAIN_FONT = 'NotoSansSC';

const notoDir = () => path.join(appRoot(), 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
export const notoRegular = () => path.join(notoDir(), '400Regular', 'NotoSansSC_400Regular.ttf');
export const notoBold = () => path.join(notoDir(), '700Bold', 'NotoSansSC_700Bold.ttf');

/** A font file (a face of a .ttc when face is set) that may cover characters Noto Sans SC lacks. */
export interface FallbackCandidate { file: string; face?: string }

/**
 * Fonts tried, in order, for characters the main font lacks (rare characters in names, CJK Ext-B…).
 * First any font dropped into resources/fonts/fallback/, then well-known system fonts:
 * Windows ships SimSun-ExtB; Debian/UOS/Kylin have HanaMin (fonts-hanazono) or Noto CJK.
 */
export function fallbackCandidates(): FallbackCandidate[] {
  const shipped = path.join(resourcesDir(), 'fonts', 'fallback');
  const own = fs.existsSync(shipped)
    ? fs.readdirSync(shipped).filter((f) => /\.(ttf|otf)$/i.test(f)).sort().map((f) => ({ file: path.join(shipped, f) }))
    : [];
  const win = process.env.WINDIR ? path.join(process.env.WINDIR, 'Fonts') : 'C:\\Windows\\Fonts';
  return [
    ...own,
    { file: '/usr/share/fonts/truetype/hanazono/HanaMinA.ttf' },
    { file: '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf' },
    { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
    { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
    { file: path.join(win, 'simsunb.ttf') },
    { file: path.join(win, 'simsun.ttc'), face: 'SimSun' },
  ].filter((c) => fs.existsSync(c.file));
}

/** A loaded font that answers "do you have this character?", with a cache (fonts are large). */
export interface Coverage { name: string; has(cp: number): boolean }

function openFace(c: FallbackCandidate): fontkit.Font | null {
  try {
    const f = fontkit.openSync(c.file);
    if ('fonts' in f) return c.face ? f.getFont(c.face) : f.fonts[0] ?? null;
    return f;
  } catch {
    return null; // an unreadable font is simply not a candidate
  }
}

function coverageOf(name: string, font: fontkit.Font): Coverage {
  const memo = new Map<number, boolean>();
  return {
    name,
    has(cp) {
      let v = memo.get(cp);
      if (v === undefined) { v = font.hasGlyphForCodePoint(cp); memo.set(cp, v); }
      return v;
    },
  };
}

let mainCoverage: Coverage | null = null;
let fallbacks: { coverage: Coverage; candidate: FallbackCandidate }[] | null = null;

export function mainFontCoverage(): Coverage {
  mainCoverage ??= coverageOf(MAIN_FONT, fontkit.openSync(notoRegular()) as fontkit.Font);
  return mainCoverage;
}

/** Fallback fonts, opened only when a character first needs one. */
export function fallbackFonts(): { coverage: Coverage; candidate: FallbackCandidate }[] {
  if (!fallbacks) {
    fallbacks = [];
    for (const c of fallbackCandidates()) {
      const face = openFace(c);
      if (face) fallbacks.push({ coverage: coverageOf(`Fallback${fallbacks.length + 1}`, face), candidate: c });
    }
  }
  return fallbacks;
}

/** The pdfmake font dictionary: the main font plus every fallback that has been opened. */
export function fontDictionary(): TFontDictionary {
  const dict: TFontDictionary = {
    [MAIN_FONT]: { normal: notoRegular(), bold: notoBold(), italics: notoRegular(), bolditalics: notoBold() },
  };
  for (const f of fallbacks ?? []) {
    const src = (f.candidate.face ? [f.candidate.file, f.candidate.face] : f.candidate.file) as string;
    dict[f.coverage.name] = { normal: src, bold: src, italics: src, bolditalics: src };
  }
  return dict;
}
