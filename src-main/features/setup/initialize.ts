import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { secret } from '../../ipc/secret';
import { AppError } from '../../ipc/errors';
import { getTownship, setSetting } from '../settings/store';
import { insertRegion } from '../regions/channels';
import { insertUser } from '../users/channels';
import { generateDemo, type DemoResult } from '../demo/generate';
import { localToday } from '../../domain/dates';

export const setupInput = z.object({
  township: z.object({
    name: z.string().trim().min(2, '请填写乡镇（街道）名称').max(40),
    divisionCode: z.string().regex(/^\d{12}$/, '统计用区划代码应为 12 位数字'),
    county: z.string().trim().min(2, '请填写所属县（区）').max(40),
  }),
  admin: z.object({
    username: z.string().trim().min(2).max(32).regex(/^[A-Za-z0-9_.\u4e00-\u9fa5-]+$/, '用户名只能含字母、数字、汉字和 _ . -'),
    displayName: z.string().trim().min(1).max(32),
    password: secret(z.string().min(6, '密码至少 6 位').max(128)),
  }),
  demo: z.boolean().default(false),
  seed: z.number().int().min(0).max(2 ** 31).default(20240304),
  households: z.number().int().min(1).max(200_000).default(600),
});
export type SetupInput = z.output<typeof setupInput>;

/** Demo staff accounts, so a demo shows every role. Password for all: demo1234. */
export const DEMO_USERS = [
  { username: 'jingban', displayName: '李经办', role: 'clerk' as const },
  { username: 'shenhe', displayName: '王审核', role: 'reviewer' as const },
  { username: 'chakan', displayName: '赵查看', role: 'readonly' as const },
];
export const DEMO_PASSWORD = 'demo1234';

export function isInitialized(sqlite: Database.Database): boolean {
  return getTownship(sqlite) !== null;
}

/**
 * First-run setup: township identity, signing key, address root, admin account, optional demo. The demo's "today"
 * is the office's local date: before 08:00 in China the UTC date is still yesterday (and on the 1st, last month).
 */
export function initialize(sqlite: Database.Database, i: SetupInput, today = localToday()):
  { adminId: number; demo: DemoResult | null } {
  if (isInitialized(sqlite)) throw new AppError('ALREADY_INITIALIZED', '本工作站已完成初始化，不能重复设置');
  setSetting(sqlite, 'township', i.township);
  const keys = crypto.generateKeyPairSync('ed25519');
  setSetting(sqlite, 'signing.publicKeyPem', keys.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  setSetting(sqlite, 'signing.privateKeyPem', keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const rootId = insertRegion(sqlite, null, 'township', i.township.name, 0, i.township.divisionCode);
  const adminId = insertUser(sqlite, { ...i.admin, role: 'admin' });
  let demo: DemoResult | null = null;
  if (i.demo) {
    for (const u of DEMO_USERS) insertUser(sqlite, { ...u, password: DEMO_PASSWORD });
    demo = generateDemo(sqlite, { seed: i.seed, households: i.households, townshipRegionId: rootId,
      divisionCode: i.township.divisionCode, today });
  }
  return { adminId, demo };
}
