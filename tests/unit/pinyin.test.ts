import { describe, expect, it } from 'vitest';
import { namePinyin } from '../../src-main/domain/pinyin';

describe('namePinyin', () => {
  it.each([
    ['张伟', 'zw', 'zhangwei'], ['单田芳', 'stf', 'shantianfang'], ['曾重阳', 'zzy', 'zengzhongyang'], ['万俟乐', 'mql', 'moqile'],
    ['吕梁', 'll', 'lvliang'], ['欧阳·娜', 'oyn', 'ouyangna'], ['A张', 'az', 'azhang'], ['王𠮷', 'w', 'wang'], ['朴', 'p', 'piao'],
  ])('%s → %s / %s (surnames, polyphonic characters, ü as v, letters and characters it does not know)', (name, initials, full) => {
    expect(namePinyin(name)).toEqual({ initials, full });
  });
});
