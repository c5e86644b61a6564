// Disguised ID, phone and bank numbers for the privacy-guard tests (issue 15, finding 7).
import fc from 'fast-check';

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));

/** 身份证号 with a valid GB 11643 check character (also the 15-digit legacy form). */
const CHECK = '10X98765432';
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const id18 = fc.tuple(fc.integer({ min: 110000, max: 659999 }), fc.date({ min: new Date('1930-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }), digits(3))
  .map(([area, d, seq]) => {
    const body = `${area}${d.toISOString().slice(0, 10).replaceAll('-', '')}${seq}`;
    return body + CHECK[[...body].reduce((s, c, i) => s + Number(c) * W[i], 0) % 11];
  });
const id15 = fc.tuple(fc.integer({ min: 110000, max: 659999 }), digits(9)).map(([a, r]) => `${a}${r}`);
const mobile = fc.tuple(fc.constantFrom('13', '14', '15', '16', '17', '18', '19'), digits(9)).map(([p, r]) => p + r);
const landline = fc.tuple(fc.constantFrom('010', '028', '0838', '0755', '0831'), fc.integer({ min: 7, max: 8 }).chain(digits)).map(([a, r]) => `${a}-${r}`);
const bank = fc.integer({ min: 16, max: 30 }).chain((n) => fc.tuple(fc.constantFrom('62', '4', '5', '9'), digits(n)).map(([p, r]) => (p + r).slice(0, n)));
const number = fc.oneof(id18, id15, mobile, landline, bank);

const FULL = (s: string) => s.replace(/[0-9Xx]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const CN = (s: string) => s.replace(/\d/g, (c) => '〇一二三四五六七八九'[Number(c)]);
const SEPARATORS = [' ', '  ', '\u3000', '\u00a0', '·', '・', '-', '—', '－', '.', '_', '/', '\u200b', ' - ', '，'];

/** Writes a number the way a careless clerk or a hostile one would. */
const disguised = fc.tuple(number, fc.constantFrom('plain', 'full', 'cn', 'mixed'), fc.constantFrom(...SEPARATORS),
  fc.integer({ min: 0, max: 4 }), fc.boolean(), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }))
  .map(([n, enc, sep, groupEvery, lower, cuts]) => {
    let s = lower ? n.toLowerCase() : n;
    if (groupEvery > 0) {
      const parts: string[] = [];
      let i = 0;
      for (const c of cuts.concat(Array(20).fill(groupEvery))) { if (i >= s.length) break; parts.push(s.slice(i, i + c)); i += c; }
      s = parts.join(sep);
    }
    if (enc === 'full') s = FULL(s);
    if (enc === 'cn' && /^[\d\s\u3000\u00a0·・\-—－._/\u200b，]+[Xx]?$/.test(s)) s = CN(s);
    if (enc === 'mixed') s = [...s].map((c, i) => (i % 2 ? FULL(c) : c)).join('');
    return { number: n, text: s };
  });

export const contexts = ['张三 %s', '%s', '户主李四（%s）', 'A%s组', '三组%s', '联系电话：%s', '卡号%s元', '%s号', 'Tel%s', '第%s页'];
/** 1,500 disguised numbers in context, reproducible (fixed seed). */
export const corpus = fc.sample(fc.tuple(disguised, fc.constantFrom(...contexts)).map(([d, c]) => ({ ...d, text: c.replace('%s', d.text) })), { numRuns: 1500, seed: 20261201 });

