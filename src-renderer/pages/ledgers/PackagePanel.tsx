import { useEffect, useState } from 'react';
import { FolderPickButton } from '../../components/FolderPickButton';
import { Alert, Button, Checkbox, Code, Group, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { call, newJobId, onProgress, openOutbox, type Out } from '../../lib/api';
import { JobProgress } from '../../components/JobProgress';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatDate, formatDateTime } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { Checks } from './StatsPanel';
import { WriteArea } from '../../lib/access';
import { CountyKeyCard } from './CountyKeyCard';

type Exported = Out<'ledgers.exportPackage'>;

/** One step to the USB stick: checks first, then the signed package written, read back and verified. */
export function PackagePanel({ period }: { period: string }) {
  const stats = useCall('ledgers.stats', { period });
  const drives = useCall('ledgers.drives', {});
  const history = useCall('ledgers.exports', {});
  const [destination, setDestination] = useState('');
  const [accept, setAccept] = useState(false);
  const [busy, setBusy] = useState<{ jobId: string; done: number; total: number; message?: string } | null>(null);
  const [result, setResult] = useState<Exported | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => onProgress((p) => setBusy((b) => (b && b.jobId === p.jobId ? { ...b, ...p } : b))), []);
  if (stats.error) return <ErrorAlert error={stats.error} />;
  if (stats.loading || !stats.data) return <Loading />;
  const checksOk = stats.data.checksOk;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const jobId = newJobId();
    setBusy({ jobId, done: 0, total: 1 });
    setResult(null); setFailure(null);
    try {
      setResult(await call('ledgers.exportPackage', { period, destination, acceptFailedChecks: accept }, { jobId }));
      void history.reload();
    } catch (err) {
      setFailure((err as Error).message);
    } finally { setBusy(null); }
  };

  return (
    <Stack>
      <Checks stats={stats.data} />
      <CountyKeyCard />
      <WriteArea channel="ledgers.exportPackage" what="导出报送包">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label="目标文件夹（U盘）" description="插入U盘后点下方的盘符，或填写一个已存在的文件夹路径" value={destination} required
            onChange={(e) => setDestination(e.currentTarget.value)} />
          <Group><FolderPickButton onPick={setDestination} /></Group>
          {drives.data && drives.data.length > 0 && (
            <Group gap="xs">
              <Text size="sm">可移动磁盘：</Text>
              {drives.data.map((d) => <Button key={d.path} size="xs" variant="default" onClick={() => setDestination(d.path)}>{d.label}</Button>)}
            </Group>
          )}
          {!checksOk && <Checkbox label="校验未通过，已了解原因，仍然导出" checked={accept} onChange={(e) => setAccept(e.currentTarget.checked)} />}
          <Group>
            <Button type="submit" loading={!!busy} disabled={!destination || (!checksOk && !accept)}>导出报送包</Button>
            <Button variant="default" onClick={() => attempt(async () => { const r = await call('ledgers.publicKey', {}); await openOutbox(r.fileName); }, '公钥已导出，请交县民政局登记')}>
              导出本乡镇公钥
            </Button>
          </Group>
          {busy && <JobProgress jobId={busy.jobId} progress={busy.message ? busy : null} label="导出进度" />}
        </Stack>
      </form>
      </WriteArea>
      {failure && <Alert color="red" title="报送包未导出" role="alert">{failure}</Alert>}
      {result && (
        <Alert color="green" title="报送包已写入并校验通过" role="status">
          <Text size="sm">文件夹：<Code>{result.path}</Code>（第 {result.sequence} 号）</Text>
          <Text size="sm">{result.encrypted ? `已为县民政局加密（县级公钥指纹 ${result.countyKeyFingerprint}），U盘上只有密文和签名清单` : '未加密'}</Text>
          {result.warnings.map((w) => <Text key={w} size="sm" c="red" fw={600}>{w}</Text>)}
          <List size="sm" mt="xs">{result.files.map((f) => <List.Item key={f.name}>{f.name}：{Object.entries(f.rows).map(([k, v]) => `${k} ${v} 行`).join('，')}</List.Item>)}</List>
        </Alert>
      )}
      <VerifyForm />
      <Text fw={600}>导出记录</Text>
      <Table striped withTableBorder fz="sm" aria-label="导出记录">
        <Table.Thead><Table.Tr><Table.Th>序号</Table.Th><Table.Th>月份</Table.Th><Table.Th>文件夹</Table.Th><Table.Th>时间</Table.Th><Table.Th>导出人</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(history.data ?? []).map((h) => (
            <Table.Tr key={h.id}><Table.Td>{h.sequence}</Table.Td><Table.Td>{formatDate(h.period)}</Table.Td><Table.Td>{h.destination}/{h.folderName}</Table.Td>
              <Table.Td>{formatDateTime(h.createdAt)}</Table.Td><Table.Td>{h.createdBy}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function VerifyForm() {
  const [dir, setDir] = useState('');
  const [res, setRes] = useState<Out<'ledgers.verifyPackage'> | null>(null);
  return (
    <form onSubmit={(e) => { e.preventDefault(); void attempt(async () => setRes(await call('ledgers.verifyPackage', { dir }))); }}>
      <Group align="flex-end">
        <TextInput label="校验报送包（文件夹路径）" value={dir} onChange={(e) => setDir(e.currentTarget.value)} w={480} required />
        <Button type="submit" variant="default">校验</Button>
      </Group>
      {res && (res.ok
        ? <Alert mt="sm" color="green" title="校验通过">{res.encrypted && !res.decrypted
            ? `签名和密文哈希均相符（公钥指纹 ${res.keyFingerprint}）；包已为县民政局加密，内容只有县里能解密核对`
            : `签名、文件哈希和行数均相符（公钥指纹 ${res.keyFingerprint}）`}</Alert>
        : <Alert mt="sm" color="red" title="校验未通过"><List size="sm">{res.problems.map((p, i) => <List.Item key={i}>{p.message}</List.Item>)}</List></Alert>)}
    </form>
  );
}
