import { describe, expect, it } from 'vitest';
import { fullPinyin, namePinyin } from '../../src-main/domain/pinyin';
import { largeRoster } from '../fixtures/rosters/large';

describe('namePinyin', () => {
  it.each([
    ['张伟', 'zw', 'zhangwei'], ['单田芳', 'stf', 'shantianfang'], ['曾重阳', 'zzy', 'zengzhongyang'], ['万俟乐', 'mql', 'moqile'],
    ['吕梁', 'll', 'lvliang'], ['欧阳·娜', 'oyn', 'ouyangna'], ['A张', 'az', 'azhang'], ['王𠮷', 'w', 'wang'], ['朴', 'p', 'piao'],
  ])('%s → %s / %s (surnames, polyphonic characters, ü as v, letters and characters it does not know)', (name, initials, full) => {
    expect(namePinyin(name)).toEqual({ initials, full });
  });

  it('gives what pinyin-pro gives for the whole name, for every basic CJK character and 60,000 generated names', () => {
    const names: string[] = [];
    for (let cp = 0x4e00; cp <= 0x9fa5; cp++) names.push(String.fromCodePoint(cp));
    for (const m of largeRoster(30_000, 5).members) names.push(m.name);
    const differ = names.filter((n) => JSON.stringify(namePinyin(n)) !== JSON.stringify(fullPinyin(n)));
    expect(differ).toEqual([]);
  }, 120_000);
});
