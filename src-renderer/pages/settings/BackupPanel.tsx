import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, FileButton, Group, Modal, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { call, newJobId, onProgress, uploadFile, type ProgressEvent } from '../../lib/api';
import { JobProgress } from '../../components/JobProgress';
import { useCall } from '../../lib/useCall';
import { attempt, notifyOk } from '../../lib/notify';
import { ErrorAlert, Loading } from '../../components/Status';
import { FolderPickButton } from '../../components/FolderPickButton';
import { formatDateTime } from '../../lib/format';

const PAGE = 20;
const mb = (bytes: number | null) => (bytes == null ? '—' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Runs a job channel with its progress shown in the panel. */
function useJob() {
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  async function run<T>(fn: (jobId: string) => Promise<T>): Promise<T> {
    const jobId = newJobId();
    const off = onProgress((p) => { if (p.jobId === jobId) setProgress(p); });
    try { return await fn(jobId); } finally { off(); setProgress(null); }
  }
  return { progress, run };
}

/** Backups: the automatic and manual sets, a backup now (optionally to a USB folder), verify and restore. */
export function BackupPanel() {
  const [page, setPage] = useState(1);
  const list = useCall('backup.list', { page, pageSize: PAGE });
  const job = useJob();
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<{ name?: string; inboxName?: string; label: string } | null>(null);
  // the administrator's override for a backup older than an exported head (audited; check explains it afterwards)
  const [rollback, setRollback] = useState<{ on: boolean; reason: string }>({ on: false, reason: '' });

  async function verify(name: string) {
    await attempt(async () => {
      const r = await call('backup.verify', { name });
      if (r.ok) notifyOk(`备份 ${name} 校验通过：完整性正常，审计链完整（${r.auditRows} 条）`);
      else throw new Error(`备份 ${name} 校验未通过：${r.problems.join('；')}`);
    });
  }

  async function restore() {
    if (!confirm) return;
    setBusy(true);
    const target = confirm;
    setConfirm(null);
    const acceptAnchorLoss = rollback.on ? { reason: rollback.reason } : undefined;
    setRollback({ on: false, reason: '' });
    const done = await attempt(() => job.run((jobId) => call('backup.restore', { name: target.name, inboxName: target.inboxName, withoutManifest: !!target.inboxName, acceptAnchorLoss }, { jobId })),
      `已从“${target.label}”恢复；恢复前的数据已另存为备份。请重新登录。`);
    setBusy(false);
    if (done) window.location.reload(); // the restored database has its own users and sessions
  }

  async function uploadAndRestore(file: File | null) {
    if (!file) return;
    await attempt(async () => setConfirm({ inboxName: await uploadFile(file), label: file.name }));
  }

  return (
    <Stack>
      <BackupNow busy={busy} setBusy={setBusy} job={job} onDone={() => void list.reload()} />
      {job.progress && <JobProgress jobId={job.progress.jobId} progress={job.progress} label="备份进度" />}
      <Group justify="space-between" mt="md">
        <Title order={5}>备份列表</Title>
        <FileButton onChange={uploadAndRestore} accept=".db">
          {(props) => <Button {...props} variant="default" size="xs" disabled={busy}>从备份文件恢复…</Button>}
        </FileButton>
      </Group>
      <Text size="sm" c="dimmed">
        每天第一次启动时自动备份，升级数据库结构前也会自动备份；保留最近 7 天、4 周、12 个月各一份。
        {list.data && <> 备份位置：<code>{list.data.folder}</code></>}
      </Text>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : list.data && (
        list.data.total === 0 ? <Alert color="yellow">还没有备份。</Alert> : (
          <>
            <Table striped fz="sm">
              <Table.Thead><Table.Tr><Table.Th>时间</Table.Th><Table.Th>类型</Table.Th><Table.Th>大小</Table.Th><Table.Th>审计记录</Table.Th><Table.Th>档案文件</Table.Th><Table.Th>操作</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {list.data.rows.map((r) => (
                  <Table.Tr key={r.name}>
                    <Table.Td>{r.createdAt ? formatDateTime(r.createdAt) : r.at}</Table.Td>
                    <Table.Td><Badge variant="light" color={r.kind === 'manual' ? 'blue' : 'gray'}>{r.kindLabel}</Badge>{!r.complete && <Badge color="red" ml="xs">不完整</Badge>}</Table.Td>
                    <Table.Td>{mb(r.size)}</Table.Td>
                    <Table.Td>{r.auditRows ?? '—'}</Table.Td>
                    <Table.Td>{r.archiveFiles ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Button size="compact-xs" variant="subtle" onClick={() => void verify(r.name)} aria-label={`校验 ${r.name}`}>校验</Button>
                        <Button size="compact-xs" variant="subtle" color="red" disabled={busy || !r.complete} aria-label={`恢复 ${r.name}`}
                          onClick={() => setConfirm({ name: r.name, label: `${r.kindLabel} ${r.at}` })}>恢复</Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Pagination total={Math.max(1, Math.ceil(list.data.total / PAGE))} value={page} onChange={setPage} />
          </>
        )
      )}
      <Modal opened={!!confirm} onClose={() => setConfirm(null)} title="从备份恢复">
        <Stack>
          <Text>将用“{confirm?.label}”替换当前数据库。恢复前会先校验备份（完整性与审计链），当前数据会另存为“恢复前自动备份”。恢复后需要重新登录。</Text>
          {confirm?.inboxName && (
            <Text c="orange">上传的备份文件不带清单：只能检查数据库本身（完整性、审计链、已导出的链头），无法确认文件是否被截断。</Text>
          )}
          <Checkbox label="接受审计链回退（仅当这份备份比已导出的报送包或U盘备份旧、恢复被拒绝时使用）" checked={rollback.on}
            onChange={(e) => setRollback({ ...rollback, on: e.currentTarget.checked })} />
          {rollback.on && (
            <TextInput label="理由（记入审计记录，系统检查 check 会一直说明这次回退）" required value={rollback.reason}
              description="此后的报送包记录的审计记录会比县里已收到的少，须向县民政局说明"
              onChange={(e) => setRollback({ ...rollback, reason: e.currentTarget.value })} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>取消</Button>
            <Button color="red" onClick={() => void restore()} disabled={rollback.on && rollback.reason.trim().length < 4} data-autofocus>确认恢复</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function BackupNow({ busy, setBusy, job, onDone }: { busy: boolean; setBusy: (b: boolean) => void; job: ReturnType<typeof useJob>; onDone: () => void }) {
  const [toDir, setToDir] = useState('');
  const [includeArchive, setIncludeArchive] = useState(true);
  const drives = useCall('ledgers.drives', {});

  async function backup(e?: React.FormEvent) {
    e?.preventDefault();
    setBusy(true);
    await attempt(async () => {
      const r = await job.run((jobId) => call('backup.create', { toDir: toDir.trim() || undefined, includeArchive }, { jobId }));
      notifyOk(`已备份到 ${r.folder}（${r.name}${r.archiveCopied ? `，新复制档案文件 ${r.archiveCopied} 个` : ''}）`);
    });
    setBusy(false);
    onDone();
  }

  return (
    <form onSubmit={backup}>
      <Stack gap="xs" maw={640}>
        <Title order={5}>立即备份</Title>
        <Group align="flex-end">
          <TextInput style={{ flex: 1 }} label="备份到文件夹（U盘或其他磁盘；留空则备份到数据目录）" placeholder="如 E:\低保备份 或 /media/usb/低保备份"
            value={toDir} onChange={(e) => setToDir(e.currentTarget.value)} />
          <FolderPickButton onPick={setToDir} />
        </Group>
        {drives.data && drives.data.length > 0 && (
          <Group gap="xs">
            <Text size="sm">U盘：</Text>
            {drives.data.map((d) => <Button key={d.path} size="compact-xs" variant="light" onClick={() => setToDir(d.path)}>{d.label || d.path}</Button>)}
          </Group>
        )}
        <Checkbox label="同时复制档案库文件（扫描件；只复制U盘上还没有的）" checked={includeArchive} onChange={(e) => setIncludeArchive(e.currentTarget.checked)} disabled={!toDir.trim()} />
        <Group><Button type="submit" loading={busy}>立即备份</Button></Group>
      </Stack>
    </form>
  );
}
