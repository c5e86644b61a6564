import { z } from 'zod';

/**
 * Every setting the generic settings.set channel may write, each with its own schema. A key not listed here is
 * refused: the signing keys, the township, the calendar and the notices', archive's and print's settings are
 * written only by their own channels, which check them (a public key or a complaint phone is never free JSON).
 */
const fen = z.number({ error: '请填写金额' }).int('金额最小到分').min(0, '金额不能为负').max(100_000_000, '金额过大');
const standard = z.union([z.object({ monthlyFen: fen }).strict(), z.object({ annualFen: fen }).strict()]);
const pay = z.union([z.object({ fen }).strict(), z.object({ percent: z.number().min(0).max(1000) }).strict()]);

export const SETTING_SCHEMAS: Record<string, z.ZodType> = {
  'security.idleMinutes': z.number({ error: '锁定时间应为分钟数' }).int('锁定时间应为整数分钟').min(1, '锁定时间至少 1 分钟').max(240, '锁定时间最多 240 分钟'),
  'supervision.relations': z.array(z.string().trim().min(1, '关系不能为空').max(20, '关系名称最多 20 字')).min(1, '至少保留一种关系').max(50)
    .refine((a) => new Set(a).size === a.length, '关系不能重复'),
  'supervision.complaintDays': z.number().int('期限应为整数天').min(1, '期限至少 1 天').max(365, '期限最多 365 天'),
  'benefit.standards': z.record(z.string().regex(/^20\d{2}$/, '年份应为 4 位数字'),
    z.object({ 城市: standard.optional(), 农村: standard.optional() }).strict()),
  'benefit.phaseOutMaxMonths': z.number().int().min(0).max(24),
  'benefit.rules': z.object({
    mode: z.enum(['差额', '分档']),
    bands: z.array(z.object({ upToPercent: z.number().min(0).max(1000), pay }).strict()).max(20),
    topUps: z.record(z.string().max(20), pay),
    topUpCombine: z.enum(['max', 'sum']),
    floorPercent: z.number().min(0).max(100).nullable(),
    edgeMultiplier: z.number().min(1).max(3),
    rounding: z.object({ unit: z.enum(['yuan', 'jiao', 'fen']), method: z.enum(['halfUp', 'up']) }).strict(),
  }).partial().strict(),
  'applications.ruleSet': z.enum(['2021', '2012']),
  'applications.delegated': z.boolean(),
  'applications.separateConfirm': z.boolean({ error: '“初审与审核确认须由不同账号办理”应为开或关' }),
};

/** Parses a value for a key; throws the Chinese reason (unknown key, or the key's own schema refuses it). */
/** A bad record key (a year typed as 明年) says the key's own rule ('年份应为 4 位数字'), not zod's "record 中的键(key)无效". */
function issueWords(i: z.core.$ZodIssue): string {
  const inner = i.code === 'invalid_key' ? (i as { issues?: { message: string }[] }).issues?.[0]?.message : undefined;
  return inner ?? i.message;
}

export function parseSetting(key: string, value: unknown):
  { ok: true; value: unknown } | { ok: false; message: string; details?: { path: string; message: string }[] } {
  if (!Object.hasOwn(SETTING_SCHEMAS, key)) return { ok: false, message: `设置项 ${key} 不能在这里修改（请在其所属页面修改）` };
  const r = SETTING_SCHEMAS[key].safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  // each problem under the input's own path (value.2027.城市.monthlyFen …), so the settings form puts it under its box
  const details = r.error.issues.map((i) => ({ path: ['value', ...i.path.map(String)].join('.'), message: issueWords(i) }));
  return { ok: false, message: `设置有误：${[...new Set(details.map((d) => d.message))].join('；')}`, details };
}

