import { describe, expect, it } from 'vitest';
import { addYears, arrange, containerFor, formatArchiveNo, locationText, missingDocuments, overdueDays, retentionLabel, retentionUntil, type Place } from '../../src-main/features/archive/rules';
import { checkUpload, detectType, storePath } from '../../src-main/features/archive/store';

const facts = (o: Partial<Parameters<typeof missingDocuments>[0]> = {}) =>
  ({ status: '在保', disabilityOrIllness: false, separate: false, startMonth: '2026-06', ...o });
const types = (xs: { docType: string }[]) => xs.map((x) => x.docType);

describe('completeness rules', () => {
  it('an approved household under the 2021 rules needs application, authorisation, IDs, income, investigation, posting and the decision form', () => {
    expect(types(missingDocuments(facts(), [], '2021办法', '2026-11-22'))).toEqual(
      ['审核确认表', '申请书', '授权书/诚信承诺', '入户调查表', '户口簿/身份证复印件', '收入证明', '公示记录及照片']);
  });

  it('an applicant still in progress needs only the application papers', () => {
    expect(types(missingDocuments(facts({ status: '申请中', startMonth: null }), ['申请书'], '2021办法', '2026-11-22')))
      .toEqual(['授权书/诚信承诺', '户口簿/身份证复印件', '收入证明']);
  });

  it('disability, near-relative filing and a year on benefit each add their document', () => {
    const miss = types(missingDocuments(facts({ disabilityOrIllness: true, separate: true, startMonth: '2025-01' }), [], '2021办法', '2026-11-22'));
    expect(miss).toContain('残疾证/病历');
    expect(miss).toContain('近亲属备案表');
    expect(miss).toContain('复核记录/签字表');
  });

  it('a stopped or rejected household also needs the written notice, and the 2012 rules demand 民主评议', () => {
    expect(types(missingDocuments(facts({ status: '停保' }), [], '2021办法', '2026-11-22'))).toContain('告知书');
    expect(types(missingDocuments(facts({ status: '未通过', startMonth: null }), [], '2021办法', '2026-11-22'))).not.toContain('公示记录及照片');
    expect(types(missingDocuments(facts(), [], '2021办法', '2026-11-22'))).not.toContain('民主评议记录');
    expect(types(missingDocuments(facts(), [], '2012办法', '2026-11-22'))).toContain('民主评议记录');
  });

  it('a bag holding every required document is complete', () => {
    const all = ['审核确认表', '申请书', '授权书/诚信承诺', '入户调查表', '户口簿/身份证复印件', '收入证明', '公示记录及照片'];
    expect(missingDocuments(facts(), all, '2021办法', '2026-11-22')).toEqual([]);
  });
});

describe('retention', () => {
  it('approval files are kept three years after the exit, five when the bag holds daily-management files', () => {
    const s = { approvalYears: 3, dailyYears: 5 };
    expect(retentionUntil('2024-02-29', ['申请书'], s)).toBe('2027-02-28');
    expect(retentionUntil('2024-03-01', ['申请书', '复核记录/签字表'], s)).toBe('2029-03-01');
    expect(retentionUntil(null, [], s)).toBeNull();
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('locations and numbers', () => {
  const p: Place = { township: '青溪镇', villageId: 5, villageName: '石桥村', villageRank: 3, groupId: 9, groupName: '2组', groupRank: 2 };

  it('one cabinet per village and one box per group in the default levels', () => {
    const loc = containerFor(p, 'room-cabinet-box-bag');
    expect(loc).toEqual({ containerKey: 'v5-g9', cabinetNo: 3, boxNo: 2 });
    expect(locationText(p, loc, 15, 'room-cabinet-box-bag')).toEqual({ code: '1-03-02-015', label: '青溪镇档案室 · 石桥村柜（03） · 2组盒（02） · 第15袋' });
  });

  it('one box per village in the 一乡镇一柜 levels', () => {
    const loc = containerFor(p, 'cabinet-box-bag');
    expect(loc.containerKey).toBe('v5');
    expect(locationText(p, loc, 7, 'cabinet-box-bag').code).toBe('1-03-007');
  });

  it('formats 档号 from the pattern with a four-digit 件号', () => {
    expect(formatArchiveNo('{全宗号}-DB·{年度}-{保管期限}-{件号}', { fondsNo: 'J001', year: 2024, retentionCode: 'D10', pieceNo: 12 })).toBe('J001-DB·2024-D10-0012');
    for (const [code, label] of [['D10', '定期10年'], ['d30', '定期30年'], ['Y', '永久'], ['C', '长期'], ['本所10年', '本所10年']]) expect(retentionLabel(code)).toBe(label);
  });

  it('arranges the catalogue in bag order and numbers pages continuously', () => {
    const out = arrange([
      { id: 1, docType: '收入证明', date: '2024-01-02', pages: 2 },
      { id: 2, docType: '审核确认表', date: '2024-02-01', pages: 1 },
      { id: 3, docType: '申请书', date: '2024-01-01', pages: 3 },
    ]);
    expect(out.map((o) => [o.seq, o.id, o.pageRange])).toEqual([[1, 2, '1'], [2, 3, '2-4'], [3, 1, '5-6']]);
  });

  it('counts overdue days of a loan', () => {
    expect(overdueDays('2026-11-20', '2026-11-22')).toBe(2);
    expect(overdueDays('2026-11-30', '2026-11-22')).toBe(0);
  });
});

describe('store names and types', () => {
  it('never builds a store path from a name that is not a SHA-256', () => {
    expect(() => storePath('/data', '../../x')).toThrow(/不合法/);
    expect(storePath('/data', 'a'.repeat(64))).toMatch(/archive-store/);
  });

  it('accepts PDF, JPG, PNG and TIF by their first bytes and refuses others', () => {
    expect(detectType(Buffer.from('%PDF-1.4\n'))).toBe('pdf');
    expect(detectType(Buffer.from([0x49, 0x49, 0x2a, 0x00, 1]))).toBe('tif');
    expect(() => checkUpload(Buffer.from('MZ....'), 'a.exe', 20)).toThrow(/只能归档/);
    expect(() => checkUpload(Buffer.from('%PDF-1.4'), 'scan.jpg', 20)).toThrow(/不符/);
    expect(() => checkUpload(Buffer.alloc(2 * 1024 * 1024, 0xff), 'big.jpg', 1)).toThrow(/超过 1 MB/);
    expect(() => checkUpload(Buffer.alloc(0), 'a.pdf', 1)).toThrow(/空/);
  });
});
