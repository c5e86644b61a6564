// IPC channels of the supervision feature: 近亲属备案, 抽查, 信访举报, 银行卡代管, 专项治理台账.
import fs from 'node:fs';
import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { assertSafeName, inboxPath, originalName, outboxPath } from '../../ipc/files';
import { relativesChannels } from './relatives-channels';
import { spotCheckChannels } from './spotcheck-channels';
import { complaintChannels } from './complaints-channels';
import { custodyChannels } from './custody-channels';
import { governanceChannels } from './governance-channels';
import { householdLookup } from './lookup';

const commonChannels = {
  'supervision.households.lookup': channel({
    title: '按户主或成员姓名查找户（登记表单用）', permission: 'read', kind: 'query',
    input: z.object({ q: z.string().trim().min(1).max(20) }),
    handler: (ctx, i) => householdLookup(ctx.sqlite, i.q),
  }),
  'supervision.files.open': channel({
    title: '查看代管协议或佐证材料（复制到输出目录）', permission: 'sensitive.read', kind: 'query',
    input: z.object({ inboxName: z.string().max(200) }),
    handler: (ctx, i) => {
      const name = `${Date.now().toString(36)}-${assertSafeName(originalName(i.inboxName))}`;
      fs.copyFileSync(inboxPath(ctx.dataDir, i.inboxName), outboxPath(ctx.dataDir, name));
      return { name };
    },
  }),
};

export const supervisionChannels = {
  ...relativesChannels, ...spotCheckChannels, ...complaintChannels, ...custodyChannels, ...governanceChannels, ...commonChannels,
};
