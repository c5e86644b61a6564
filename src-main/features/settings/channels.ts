import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { allSettings, getSetting, setSetting } from './store';
import { AppError } from '../../ipc/errors';
import { parseSetting, SETTING_SCHEMAS } from './schemas';

/** Keys that are not edited through the generic settings channel. */
const PROTECTED = new Set(['township', 'signing.privateKeyPem', 'workdays.calendars']); // the calendar: calendar.setYear checks each line

export const settingsChannels = {
  'settings.get': channel({
    title: '读取全部设置', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => {
      const all = allSettings(ctx.sqlite);
      delete all['signing.privateKeyPem'];
      return all;
    },
  }),
  'settings.set': channel({
    title: '修改一项设置', permission: 'admin', kind: 'mutation',
    input: z.object({ key: z.string().min(1).max(100).regex(/^[a-zA-Z0-9_.-]+$/), value: z.json() }),
    handler: (ctx, { key, value }) => {
      if (PROTECTED.has(key)) throw new AppError('FORBIDDEN', `设置项 ${key} 不能在这里修改`);
      const parsed = parseSetting(key, value); // each key by its own schema; unknown keys (the signing public key …) refused
      if (!parsed.ok) throw new AppError(Object.hasOwn(SETTING_SCHEMAS, key) ? 'VALIDATION' : 'FORBIDDEN', parsed.message, parsed.details);
      const before = getSetting<unknown>(ctx.sqlite, key, null);
      setSetting(ctx.sqlite, key, parsed.value);
      ctx.audit({ entity: 'setting', entityId: key, before, after: parsed.value });
      return { key, value: parsed.value };
    },
  }),
};
