import { useState } from 'react';
import { FolderPickButton } from '../../components/FolderPickButton';
import { Alert, Button, Group, Pagination, ScrollArea, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt, notifyOk } from '../../lib/notify';
import { useJob } from '../../lib/useJob';
import { formatDate, formatDateTime, formatYuan } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';

/** County mode: register township keys, import packages, the roll-up and the cross-township lists. */
export function CountyPanel({ period }: { period: string }) {
  const townships = useCall('ledgers.county.townships', {});
  const packages = useCall('ledgers.county.packages', {});
  const rollup = useCall('ledgers.county.rollup', { period });
  const [dir, setDir] = useState('');
  // the county's private key file (made by cli county keygen); read from disk for each import, never stored
  const [keyFile, setKeyFile] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  // a package takes a second or more (校验签名、解密、核对行数、写入): a bar that says so, and 取消
  const job = useJob('ledgers.county.import', { label: '报送包导入进度', cancelledMessage: '已取消，没有导入任何数据' });
  const reload = () => { void townships.reload(); void packages.reload(); void rollup.reload(); };
  const importPackage = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await job.run({ dir, keyFile: keyFile.trim() || undefined });
    if (!r) return;
    setWarnings(r.warnings);
    notifyOk(`${r.township}第 ${r.sequence} 号报送包已导入（${r.persons} 人）`);
    reload();
  };
  return (
    <Stack>
      <RegisterForm onDone={reload} />
      {townships.data && <Text size="sm">已登记 {townships.data.length} 个乡镇：{townships.data.map((t) => `${t.name}（${t.keyFingerprint.slice(0, 9)}…，最近第 ${t.lastSequence ?? '-'} 号）`).join('；')}</Text>}
      <form onSubmit={(e) => void importPackage(e)}>
        <Group align="flex-end">
          <TextInput label="导入报送包（文件夹路径）" value={dir} onChange={(e) => setDir(e.currentTarget.value)} w={480} required />
          <FolderPickButton onPick={setDir} />
          <TextInput label="县级私钥文件（加密的包需要）" description="county keygen 生成的 .pem 文件路径" value={keyFile}
            onChange={(e) => setKeyFile(e.currentTarget.value)} w={360} />
          <Button type="submit" loading={job.busy}>校验、解密并导入</Button>
        </Group>
      </form>
      {job.progress}
      {warnings.length > 0 && <Alert color="yellow" title="注意">{warnings.join('；')}</Alert>}
      <Text fw={600}>月度统计汇总</Text>
      {rollup.error ? <ErrorAlert error={rollup.error} /> : !rollup.data ? <Loading /> : (
        <ScrollArea>
          <Table striped withTableBorder fz="sm" aria-label="县级汇总">
            <Table.Thead><Table.Tr>{['乡镇', '户数', '人数', '当月新增户', '当月退出户', '当月发放资金', '当月人均补助额', '校验'].map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {[...rollup.data.townships.map((t) => ({ key: t.divisionCode, name: `${t.name}（第 ${t.sequence} 号）`, r: t.total, ok: t.checksOk })),
                { key: 'total', name: '全县合计', r: rollup.data.total, ok: rollup.data.townships.every((t) => t.checksOk) }].map(({ key, name, r, ok }) => (
                <Table.Tr key={key}><Table.Td>{name}</Table.Td><Table.Td>{r.households}</Table.Td><Table.Td>{r.persons}</Table.Td>
                  <Table.Td>{r.newHouseholds}</Table.Td><Table.Td>{r.exitHouseholds}</Table.Td><Table.Td>{formatYuan(r.fundsFen)}</Table.Td>
                  <Table.Td>{r.perCapitaYuan} 元</Table.Td><Table.Td>{ok ? '通过' : '未通过'}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <Duplicates period={period} />
      <Text fw={600}>已导入的报送包</Text>
      <Table striped withTableBorder fz="sm">
        <Table.Tbody>
          {(packages.data ?? []).map((p) => <Table.Tr key={p.id}><Table.Td>{p.townshipName}</Table.Td><Table.Td>{formatDate(p.period)}</Table.Td><Table.Td>第 {p.sequence} 号</Table.Td>
            <Table.Td>{p.persons} 人</Table.Td><Table.Td>{formatDateTime(p.importedAt)}</Table.Td></Table.Tr>)}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function RegisterForm({ onDone }: { onDone: () => void }) {
  const [f, setF] = useState({ divisionCode: '', name: '', publicKeyPem: '' });
  return (
    <form onSubmit={(e) => { e.preventDefault(); void attempt(async () => { await call('ledgers.county.registerTownship', f); setF({ divisionCode: '', name: '', publicKeyPem: '' }); onDone(); }, '公钥已登记'); }}>
      <Group align="flex-end">
        <TextInput label="乡镇区划代码" value={f.divisionCode} onChange={(e) => setF({ ...f, divisionCode: e.currentTarget.value })} required />
        <TextInput label="乡镇名称" value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} required />
        <Textarea label="乡镇公钥（PEM）" value={f.publicKeyPem} onChange={(e) => setF({ ...f, publicKeyPem: e.currentTarget.value })} w={420} autosize minRows={2} required />
        <Button type="submit" variant="default">登记公钥</Button>
      </Group>
    </form>
  );
}

function Duplicates({ period }: { period: string }) {
  const [kind, setKind] = useState<'townships' | 'tekun'>('townships');
  const [page, setPage] = useState(1);
  const { data, error } = useCall('ledgers.county.duplicates', { period, kind, page, pageSize: 50 });
  return (
    <Stack gap="xs">
      <SegmentedControl value={kind} onChange={(v) => { setKind(v as typeof kind); setPage(1); }}
        data={[{ value: 'townships', label: '异地重复（同一身份证号在两个乡镇）' }, { value: 'tekun', label: '低保、特困重复' }]} />
      {error && <ErrorAlert error={error} />}
      {data && <>
        <Text size="sm">共 {data.total} 人</Text>
        <Table striped withTableBorder fz="sm" aria-label="重复人员">
          <Table.Tbody>
            {data.items.map((d) => <Table.Tr key={d.idNumber}><Table.Td>{d.name}</Table.Td><Table.Td>{d.idNumber}</Table.Td>
              <Table.Td>{d.entries.map((e) => `${e.township} ${e.village} ${e.category}`).join('；')}</Table.Td></Table.Tr>)}
          </Table.Tbody>
        </Table>
        {data.total > data.pageSize && <Pagination total={Math.ceil(data.total / data.pageSize)} value={page} onChange={setPage} />}
      </>}
    </Stack>
  );
}
