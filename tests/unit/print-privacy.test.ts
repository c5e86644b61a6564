import { describe, expect, it } from 'vitest';
import { assertPublicSafe, findPersonalData, textOf } from '../../src-main/print/privacy';

describe('privacy guard for public documents', () => {
  it('finds an 18-digit ID number, also with a lowercase x and with spaces typed inside', () => {
    expect(findPersonalData('张三 11010519491231002X')[0]?.kind).toBe('身份证号');
    expect(findPersonalData('张三11010519491231002x')[0]?.kind).toBe('身份证号');
    expect(findPersonalData('110105 19491231 002X')[0]?.kind).toBe('身份证号');
  });

  it('finds a legacy 15-digit ID, a mobile number, a landline and a bank card number', () => {
    expect(findPersonalData('110105491231002').map((f) => f.kind)).toEqual(['身份证号']);
    expect(findPersonalData('联系13812345678').map((f) => f.kind)).toEqual(['手机号码']);
    expect(findPersonalData('0838-6201234').map((f) => f.kind)).toEqual(['固定电话']);
    expect(findPersonalData('卡号 6222 0212 3456 7890').map((f) => f.kind)).toEqual(['银行账号']);
    expect(findPersonalData('电话：6201234').map((f) => f.kind)).toEqual(['电话号码']);
  });

  it('lets amounts, dates, counts and the page footer through', () => {
    expect(findPersonalData('1,234.00 元，2026年11月22日至2026年11月28日，家庭人口3人，第1页 共12页，2024-07-15')).toEqual([]);
  });

  it('allows exactly the numbers a notice publishes on purpose, such as the complaint phone', () => {
    expect(findPersonalData('监督举报电话：0838-6201234', ['0838-6201234'])).toEqual([]);
    expect(findPersonalData('监督举报电话：0838-6201234 13812345678', ['0838-6201234']).map((f) => f.kind)).toEqual(['手机号码']);
  });

  it('refuses with PRIVACY_GUARD and shows only a masked sample, never the number', () => {
    let err: { code?: string; message?: string; details?: unknown } = {};
    try { assertPublicSafe('王五 11010519491231002X'); } catch (e) { err = e as typeof err; }
    expect(err.code).toBe('PRIVACY_GUARD');
    expect(err.message).toContain('身份证号');
    expect(JSON.stringify(err.details)).not.toContain('11010519491231002X');
  });

  it('reads every text of a pdfmake tree, joining inline runs so a number split across runs is still seen', () => {
    const tree = { stack: [{ text: ['1101051949', { text: '1231002X', bold: true }] }, { table: { body: [[{ text: '张三' }, '3']] } }] };
    expect(textOf(tree)).toContain('11010519491231002X');
    expect(findPersonalData(textOf(tree).join('\n'))[0]?.kind).toBe('身份证号');
  });
});
