import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, ok, testServices } from '../helpers/services';
import { seedHousehold } from './applications-helpers';
import { makeIdNumber } from '../../src-main/domain/idNumber';

type S = ReturnType<typeof testServices>;
const clerk = actorOf('clerk');

describe('near relatives at acceptance (审核确认 × 近亲属备案)', () => {
  let s: S;
  beforeEach(() => { s = testServices(); });
  afterEach(() => s.close());

  async function acceptFor(householdId: number) {
    const { id } = await ok(s, 'applications.start', { householdId, appliedOn: '2025-09-24', reason: '因病致贫' }, clerk);
    await ok(s, 'applications.record', { applicationId: id, kind: 'accept', date: '2025-09-26' }, clerk);
    return ok(s, 'applications.get', { id });
  }

  it('marks the case 单独登记备案 with the relation and requires a county visit when a member is a registered relative', async () => {
    const hh = seedHousehold(s);
    const spouse = s.handle.sqlite.prepare("SELECT name, id_number AS idNumber FROM members WHERE household_id = ? AND relation = '配偶'").get(hh) as { name: string; idNumber: string };
    const staff = await ok(s, 'supervision.staff.save', { kind: '村(居)委会成员', name: '王主任', idNumber: makeIdNumber('510902', '1970-01-01', 11, true), unit: '石桥村委员会', post: '主任' });
    await ok(s, 'supervision.relatives.add', { staffId: staff.id, name: spouse.name, idNumber: spouse.idNumber, relation: '兄弟姐妹' });
    const app = await acceptFor(hh);
    expect(app).toMatchObject({ nearRelative: true, countyVisitRequired: true });
    expect(app.nearRelativeNote).toContain('王主任');
    expect(app.nearRelativeNote).toContain(spouse.name);
  });

  it('leaves a household without registered relatives unflagged', async () => {
    const app = await acceptFor(seedHousehold(s));
    expect(app.nearRelative).toBe(false);
  });
});
