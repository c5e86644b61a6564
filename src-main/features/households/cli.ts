import fs from 'node:fs';
import path from 'node:path';
import type { CliVerbs } from '../../cli/verbs';
import { CLI_ACTOR } from '../../services';
import { saveToInbox, inboxPath } from '../../ipc/files';
import type { RosterReport } from './roster/channel';

// CLI verbs of the households feature. Registered in cli/registry.ts.
export const householdsVerbs: CliVerbs = {
  'import roster': {
    help: 'import roster FILE [--dry-run] [--json] [--category 农村低保] [--places 石挢村=石桥村,新村=新建] — 导入花名册（.xlsx/.xls/.et/.ods/.csv）；有任何错误或未确认的相近村组名称则不写入',
    async run({ positional, flags }, env) {
      const file = positional[0];
      if (!file || !fs.existsSync(file)) {
        env.out({ ok: false, error: { code: 'NOT_FOUND', message: `找不到文件：${file ?? '（未指定）'}` } });
        return 1;
      }
      const s = env.services();
      const inboxName = saveToInbox(s.dataDir, path.basename(file), fs.readFileSync(file));
      const onProgress = (p: { message?: string }) => { if (p.message) env.progress(p.message); };
      s.router.events.on('progress', onProgress);
      try {
        const dryRun = flags['dry-run'] === true;
        const r = await s.router.call({ channel: 'households.importRoster', actor: CLI_ACTOR, jobId: `cli-${Date.now()}`,
          input: { inboxName, dryRun, ...(typeof flags.category === 'string' ? { defaultCategory: flags.category } : {}),
            ...(typeof flags.places === 'string' ? { places: parsePlaces(flags.places) } : {}) } });
        if (flags.json === true || !r.ok) env.out(r);
        else process.stdout.write(summary(r.value as RosterReport));
        if (!r.ok) return 1;
        const rep = r.value as RosterReport;
        return rep.errors === 0 && rep.pendingChoices === 0 && (dryRun || rep.imported || rep.households.new === 0) ? 0 : 1;
      } finally {
        s.router.events.off('progress', onProgress);
        fs.rmSync(inboxPath(s.dataDir, inboxName), { force: true });
      }
    },
  },
};

/** "石挢村=石桥村,新村=新建" → { 石挢村: { use: '石桥村' }, 新村: { create: true } } (新建 = create the roster's name). */
function parsePlaces(text: string) {
  return Object.fromEntries(text.split(/[,，]/).filter(Boolean).map((pair) => {
    const [name, target = ''] = pair.split('=').map((x) => x.trim());
    return [name, target === '新建' ? { create: true } : { use: target }];
  }));
}

/** A plain Chinese report for a person at a terminal (--json gives the full structure). */
function summary(r: RosterReport): string {
  const lines = [`文件：${r.file}（${r.dryRun ? '试导入，未写入' : '正式导入'}）`];
  for (const s of r.sheets) {
    lines.push(s.headerRow === null ? `工作表“${s.name}”：未找到表头`
      : `工作表“${s.name}”${s.level === 'household' ? '（户级，每户一行）' : ''}：表头在第 ${s.headerRow}${s.headerRows === 2 ? `–${s.headerRow + 1}` : ''} 行，`
        + `数据 ${s.dataRows} 行，跳过空行 ${s.blankRows}、合计行 ${s.totalRows}、非数据行 ${s.noteRows}`);
  }
  if (r.skipped.length) lines.push('已跳过的非数据行：', ...r.skipped.map((x) => `  “${x.sheet}”第 ${x.row} 行：${x.text}`));
  for (const c of r.choices) {
    const answer = !c.chosen ? '【未确认，请用 --places 指定】' : 'use' in c.chosen ? `→ 已有的“${c.chosen.use}”` : '→ 新建';
    lines.push(`相近的${c.kind === 'village' ? '村/居' : `${c.village}组`}“${c.name}”（已有：${c.candidates.join('、')}；${c.households} 户）${answer}`);
  }
  lines.push(`可导入 ${r.households.new} 户 ${r.members.new} 人；已建档（不重复导入）${r.households.existing} 户`);
  if (r.newVillages.length) lines.push(`将新建村/居：${r.newVillages.join('、')}`);
  if (r.newGroups.length) lines.push(`将新建组：${r.newGroups.join('、')}`);
  lines.push(`问题 ${r.problems.length} 个（错误 ${r.errors}，提示 ${r.warnings}）`);
  for (const p of r.problems) {
    lines.push(`  [${p.level === 'error' ? '错误' : '提示'}] ${p.sheet ? `“${p.sheet}”` : ''}${p.row ? `第 ${p.row} 行 ` : ''}${p.column ? `${p.column}：` : ''}${p.reason}`);
  }
  lines.push(r.imported ? `结果：已导入 ${r.households.new} 户 ${r.members.new} 人` : r.dryRun ? '结果：试导入完成，未写入' : r.errors ? '结果：有错误，未写入任何数据'
    : r.pendingChoices ? '结果：有未确认的相近村组名称，未写入任何数据' : '结果：没有需要导入的新户');
  return lines.join('\n') + '\n';
}
