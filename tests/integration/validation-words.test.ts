import { afterEach, describe, expect, it } from 'vitest';
import { testServices } from '../helpers/services';

let s: ReturnType<typeof testServices>;
afterEach(() => s?.close());

describe('VALIDATION errors for people', () => {
  it('reports every problem at once, each in details under its field path, and no field path in the message', async () => {
    s = testServices({ init: false });
    const r = await s.router.call({ channel: 'setup.init', input: {
      township: { name: '青', divisionCode: '5109', county: '示' }, admin: { username: 'admin', displayName: '管理员', password: '123' } } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (r.ok) return;
    const details = r.error.details as { path: string; message: string }[];
    const byPath = Object.fromEntries(details.map((d) => [d.path, d.message]));
    expect(byPath['township.name']).toBe('请填写乡镇（街道）名称');
    expect(byPath['township.divisionCode']).toBe('统计用区划代码应为 12 位数字');
    expect(byPath['township.county']).toBe('请填写所属县（区）');
    expect(byPath['admin.password']).toBe('密码至少 6 位');
    expect(r.error.message).toMatch(/^输入有误（4 处）：/);
    expect(r.error.message).toContain('统计用区划代码应为 12 位数字');
    expect(r.error.message).not.toMatch(/township|divisionCode|admin\./);
  });

  it("puts zod's developer wording (数值过大：期望 string <=32 字符) into plain words", async () => {
    s = testServices();
    const admin = { userId: 1, username: 'admin', displayName: '管理员', role: 'admin' as const };
    const r = await s.router.call({ channel: 'supervision.staff.save', actor: admin,
      input: { kind: '村(居)委会成员', name: '张'.repeat(40), idNumber: '110101199003071234', termStart: '2026-02-30' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries((r.error.details as { path: string; message: string }[]).map((d) => [d.path, d.message]));
    expect(byPath.name).toBe('最多 32 个字');
    expect(r.error.message).not.toMatch(/string|期望|<=/);
  });
});
