import { describe, expect, it } from 'vitest';
import { maskText, maskAccount } from '../../src-main/ipc/mask';
import { insideRoot } from '../../src-main/paths';
import { roleHas } from '../../src-main/ipc/permissions';

describe('log masking', () => {
  it.each([
    ['身份证 11010519491231002X 已录入', '身份证 1101**********002X 已录入'],
    ['id=440524188001010014,', 'id=4405**********0014,'],
    ['电话13812345678', '电话138****5678'],
    ['账号 6228480402564890018 开户', '账号 6228***********0018 开户'],
    ['旧证 110105491231002', '旧证 1101*******1002'],
    ['金额 56000 分', '金额 56000 分'],
  ])('masks %s', (input, expected) => expect(maskText(input)).toBe(expected));

  it('masks a bank account for display, keeping the first and last four digits', () => {
    expect(maskAccount('6228480402564890018')).toBe('6228***********0018');
  });
});

describe('served-file guard', () => {
  it('keeps paths inside the root and refuses traversal', () => {
    expect(insideRoot('/app/r', 'index.html')).toBe('/app/r/index.html');
    expect(insideRoot('/app/r', '../secret')).toBeNull();
    expect(insideRoot('/app/r', '../../etc/passwd')).toBeNull();
    expect(insideRoot('/app/r', '/etc/passwd')).toBeNull();
    expect(insideRoot('/app/r', '../r2/x')).toBeNull();
  });
});

describe('roles', () => {
  it('fail closed for unknown roles and permissions', () => {
    expect(roleHas('admin', 'admin')).toBe(true);
    expect(roleHas('readonly', 'case.write')).toBe(false);
    expect(roleHas('readonly', 'read')).toBe(true);
    expect(roleHas('superuser', 'read')).toBe(false);
    expect(roleHas('admin', 'delete.everything')).toBe(false);
    expect(roleHas(undefined, 'read')).toBe(false);
  });
});
