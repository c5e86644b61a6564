// IPC channels of the supervision feature: 近亲属备案, 抽查, 信访举报, 银行卡代管, 专项治理台账.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { assertSafeName, inboxPath, originalName } from '../../ipc/files';
import { newOutboxFile } from '../../ipc/outbox';
import { assertKind, extensionOf } from '../../ipc/content-type';
import { AppError } from '../../ipc/errors';
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
      // only a file a custody record or a governance task refers to, and only a scan (never a page a browser would run)
      if (!referencedSupervisionFile(ctx.sqlite, i.inboxName)) throw new AppError('NOT_FOUND', '找不到该材料（只能查看已登记的代管协议或佐证材料）');
      const bytes = fs.readFileSync(inboxPath(ctx.dataDir, i.inboxName));
      const kind = assertKind(bytes, ['pdf', 'jpg', 'png', 'tif'], '代管协议或佐证材料');
      const stem = path.basename(assertSafeName(originalName(i.inboxName)), path.extname(i.inboxName));
      const out = newOutboxFile(ctx, `${stem}${extensionOf(kind)}`);
      fs.writeFileSync(out.path, bytes);
      return { name: out.name };
    },
  }),
};

export const supervisionChannels = {
  ...relativesChannels, ...spotCheckChannels, ...complaintChannels, ...custodyChannels, ...governanceChannels, ...commonChannels,
};

/** True when a custody agreement or a governance task's evidence names this inbox file. */
function referencedSupervisionFile(sqlite: import('better-sqlite3').Database, inboxName: string): boolean {
  if (sqlite.prepare('SELECT 1 FROM card_custody WHERE agreement_file = ?').get(inboxName)) return true;
  return !!sqlite.prepare('SELECT 1 FROM governance_tasks, json_each(governance_tasks.evidence_files) WHERE json_each.value = ?').get(inboxName);
}
