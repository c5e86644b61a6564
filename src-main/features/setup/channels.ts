import { channel } from '../../ipc/contract';
import { z } from 'zod';
import { getTownship } from '../settings/store';
import { initialize, isInitialized, setupInput } from './initialize';
import { registerDemoCountyKey } from '../ledgers/countyKey';

export const setupChannels = {
  'setup.status': channel({
    title: '是否已完成首次设置', permission: 'public', kind: 'query', input: z.object({}),
    handler: (ctx) => ({ initialized: isInitialized(ctx.sqlite), township: getTownship(ctx.sqlite) }),
  }),
  'setup.init': channel({
    title: '首次设置：乡镇、区划代码、管理员（可选演示数据）', permission: 'public', kind: 'mutation', input: setupInput,
    handler: (ctx, i) => {
      const r = initialize(ctx.sqlite, i);
      // a demo encrypts its packages for a demo county, as a real office does once the county's key is registered
      const countyKey = i.demo ? registerDemoCountyKey(ctx.sqlite, ctx.dataDir) : null;
      ctx.audit({ entity: 'township', entityId: i.township.divisionCode,
        after: { township: i.township, admin: i.admin.username, demo: r.demo, ...(countyKey ? { demoCountyKey: countyKey.fingerprint } : {}) } });
      return r;
    },
  }),
};
