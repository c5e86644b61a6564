// Minimal types for fontkit (a pdfkit dependency that pdfmake already ships): we only ask fonts which code points they cover.
declare module 'fontkit' {
  export interface Font { postscriptName: string; hasGlyphForCodePoint(codePoint: number): boolean }
  export interface FontCollection { fonts: Font[]; getFont(postscriptName: string): Font | null }
  export function openSync(path: string, postscriptName?: string): Font | FontCollection;
}
