import { useEffect, useState } from 'react';
import { Alert, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { call, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { isAdmin, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { useFieldErrors } from '../../lib/fieldErrors';

type Settings = Out<'archive.meta'>['settings'];

/** Archive settings (admin) and the store check (everyone). */
export function ArchiveSettingsPanel() {
  const user = useUser();
  const meta = useCall('archive.meta', {});
  const [f, setF] = useState<Settings | null>(null);
  const { err, run } = useFieldErrors();
  useEffect(() => { if (meta.data) setF(meta.data.settings); }, [meta.data]);
  if (meta.error) return <ErrorAlert error={meta.error} />;
  if (!meta.data || !f) return <Loading />;
  const num = (k: keyof Settings) => (v: number | string) => setF({ ...f, [k]: Number(v) || 0 });
  const save = async (e: React.FormEvent) => { e.preventDefault(); if (await run(() => call('archive.settings.save', f), '档案设置已保存')) void meta.reload(); };
  const readOnly = !isAdmin(user);
  return (
    <Stack>
      <form onSubmit={save}>
        <Stack maw={560} gap="sm">
          <Select label="存放层级" data={Object.entries(meta.data.levelPresets).map(([value, label]) => ({ value, label }))} value={f.levels}
            allowDeselect={false} disabled={readOnly} onChange={(v) => setF({ ...f, levels: v as Settings['levels'] })} error={err('levels')}
            description="只影响之后新建或迁移的档案袋；已贴好的位置不变" />
          <Group grow>
            <TextInput label="全宗号" value={f.fondsNo} disabled={readOnly} onChange={(e) => setF({ ...f, fondsNo: e.currentTarget.value })} error={err('fondsNo')} />
            <TextInput label="保管期限代码" value={f.retentionCode} disabled={readOnly} onChange={(e) => setF({ ...f, retentionCode: e.currentTarget.value })} error={err('retentionCode')} />
          </Group>
          <TextInput label="档号格式" value={f.archiveNoPattern} disabled={readOnly} onChange={(e) => setF({ ...f, archiveNoPattern: e.currentTarget.value })} error={err('archiveNoPattern')}
            description="可用 {全宗号} {年度} {保管期限} {件号}，必须含 {件号}" />
          <Group grow>
            <NumberInput label="审批类保管（停保后年数）" value={f.approvalYears} min={3} disabled={readOnly} onChange={num('approvalYears')} error={err('approvalYears')} />
            <NumberInput label="日常管理类保管（年）" value={f.dailyYears} min={5} disabled={readOnly} onChange={num('dailyYears')} error={err('dailyYears')} />
          </Group>
          <Group grow>
            <Select label="完整性规则" data={[...meta.data.ruleSets]} value={f.ruleSet} allowDeselect={false} disabled={readOnly}
              onChange={(v) => setF({ ...f, ruleSet: v as Settings['ruleSet'] })} error={err('ruleSet')} />
            <NumberInput label="扫描件上限（MB）" value={f.maxFileMB} min={1} max={60} disabled={readOnly} onChange={num('maxFileMB')} error={err('maxFileMB')} />
            <NumberInput label="借阅期限（天）" value={f.borrowDays} min={1} disabled={readOnly} onChange={num('borrowDays')} error={err('borrowDays')} />
          </Group>
          {!readOnly && <Group><Button type="submit">保存档案设置</Button></Group>}
        </Stack>
      </form>
      <StoreCheck />
    </Stack>
  );
}

function StoreCheck() {
  const [r, setR] = useState<Out<'archive.verifyStore'> | null>(null);
  return (
    <Stack gap="xs" maw={720}>
      <Group><Button variant="default" onClick={() => void attempt(async () => setR(await call('archive.verifyStore', {})))}>校验档案库文件</Button>
        <Text size="sm" c="dimmed">逐个核对扫描件的 SHA-256，发现缺失或被改动的文件</Text></Group>
      {r && (r.ok
        ? <Alert color="green">共 {r.files} 个文件，全部完好。{r.unreferenced.length > 0 && `另有 ${r.unreferenced.length} 个未登记的文件（可能是中断的上传）。`}</Alert>
        : <Alert color="red" title="档案库文件有问题">
            {r.missing.length > 0 && <div>缺失 {r.missing.length} 个：{r.missing.map((h) => h.slice(0, 12)).join('、')}</div>}
            {r.changed.length > 0 && <div>被改动 {r.changed.length} 个：{r.changed.map((h) => h.slice(0, 12)).join('、')}</div>}
            {r.badNames.length > 0 && <div>记录中的文件名不合法 {r.badNames.length} 个</div>}
            <div>请从备份中恢复这些文件。</div>
          </Alert>)}
    </Stack>
  );
}
