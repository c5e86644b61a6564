import { useState } from 'react';
import { Alert, Anchor, Badge, Button, FileButton, Group, List, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { call, openOutbox, uploadFile, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatDate } from '../../lib/format';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { PrintButton } from '../../components/PrintButton';
import { BagActions } from './BagActions';
import { todayIso } from '../../lib/format';
import { DateField } from '../../components/DateField';
import { useFieldErrors } from '../../lib/fieldErrors';

type Detail = Out<'archive.bag'>;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff';

/** Slot on the household page: where the bag is, its 卷内目录 with attach-a-scan, and what is missing. */
export function HouseholdDocuments({ householdId }: { householdId: number }) {
  const user = useUser();
  const { data, error, loading, reload } = useCall('archive.bag', { householdId });
  if (error) return <ErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const writable = canWrite(user);
  if (!data.bag) {
    return (
      <Alert color="yellow" title="该户还没有档案袋">
        {writable && <Button mt="sm" onClick={async () => { if (await attempt(() => call('archive.assignMissing', {}), '已建立档案袋')) void reload(); }}>建立档案袋</Button>}
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <BagHeader d={data} />
      <Group gap="sm">
        <PrintButton document="archive.cover" args={{ householdId }} label="打印案卷封面" />
        <PrintButton document="archive.catalogue" args={{ householdId }} label="打印卷内目录" />
        <PrintButton document="archive.remarks" args={{ householdId }} label="打印备考表" />
      </Group>
      <Missing d={data} />
      <Catalogue d={data} writable={writable} reload={reload} />
      {writable && <AddItem householdId={householdId} onAdded={reload} />}
      {writable && <BagActions key={data.bag.id} d={data} reload={reload} />}
    </Stack>
  );
}

function BagHeader({ d }: { d: Detail }) {
  const b = d.bag!;
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Title order={4}>档号 {b.archiveNo}</Title>
        <Badge color={b.status === '在管' ? 'green' : b.status === '停保档案' ? 'orange' : 'gray'}>{b.status}</Badge>
        {d.separate && <Badge color="red" variant="filled">单独管理</Badge>}
      </Group>
      <Text data-testid="bag-location">存放位置：<b>{b.locationCode}</b>（{b.locationLabel}）</Text>
      {d.retentionUntil && <Text size="sm">{formatDate(b.exitedAt)} 停保，保管期限至 {formatDate(d.retentionUntil)}</Text>}
      {d.borrowing && (
        <Alert color={d.borrowing.overdueDays > 0 ? 'red' : 'blue'} p="xs">
          已借出：{d.borrowing.borrower}，{formatDate(d.borrowing.borrowedAt)} 借出，应于 {formatDate(d.borrowing.dueDate)} 归还
          {d.borrowing.overdueDays > 0 && `（已逾期 ${d.borrowing.overdueDays} 天）`}
        </Alert>
      )}
      {d.moves.length > 0 && <Text size="sm" c="dimmed">迁移记录：{d.moves.map((m) => `${formatDate(m.date)} 由 ${m.from} 移至 ${m.to}`).join('；')}</Text>}
    </Stack>
  );
}

function Missing({ d }: { d: Detail }) {
  if (d.missing.length === 0) return <Alert color="green" p="xs">按现行规则，该户应有的材料已齐全。</Alert>;
  return (
    <Alert color="orange" title={`缺少 ${d.missing.length} 项材料`} p="xs">
      <List size="sm" aria-label="缺少的材料">{d.missing.map((m) => <List.Item key={m.docType}>{m.docType}（{m.reason}）</List.Item>)}</List>
    </Alert>
  );
}

function Catalogue({ d, writable, reload }: { d: Detail; writable: boolean; reload: () => void }) {
  const attach = async (itemId: number, file: File | null) => {
    if (!file) return;
    if (await attempt(async () => call('archive.attachFile', { itemId, inboxName: await uploadFile(file) }), '已附上扫描件')) reload();
  };
  const remove = async (itemId: number) => {
    const reason = window.prompt('撤下原因（将留痕）：');
    if (reason && await attempt(() => call('archive.removeItem', { itemId, reason }), '已撤下')) reload();
  };
  return (
    <Table striped withTableBorder aria-label="卷内目录">
      <Table.Thead><Table.Tr>
        <Table.Th>序号</Table.Th><Table.Th>类别</Table.Th><Table.Th>题名</Table.Th><Table.Th>责任者</Table.Th><Table.Th>日期</Table.Th>
        <Table.Th>页号</Table.Th><Table.Th>扫描件</Table.Th><Table.Th />
      </Table.Tr></Table.Thead>
      <Table.Tbody>
        {d.items.length === 0 && <Table.Tr><Table.Td colSpan={8}><Text c="dimmed" size="sm">卷内尚无文件</Text></Table.Td></Table.Tr>}
        {d.items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>{i.seq}</Table.Td><Table.Td>{i.docType}</Table.Td><Table.Td>{i.title}</Table.Td><Table.Td>{i.responsible}</Table.Td>
            <Table.Td>{formatDate(i.date)}</Table.Td><Table.Td>{i.pageRange}</Table.Td>
            <Table.Td>
              {i.hasFile && !i.mayOpen && <Text size="xs" c="dimmed" title="扫描件上的身份证号、电话和银行账号无法遮挡">有{i.fileType?.toUpperCase()}（无权查看）</Text>}
              {i.mayOpen
                ? <Anchor component="button" type="button" onClick={() => void attempt(async () => openOutbox((await call('archive.openFile', { itemId: i.id })).outboxName))}>
                    查看{i.fileType?.toUpperCase()}</Anchor>
                : !i.hasFile && writable && <FileButton accept={ACCEPT} onChange={(f) => void attach(i.id, f)}>{(p) => <Button size="compact-xs" variant="light" {...p}>附扫描件</Button>}</FileButton>}
            </Table.Td>
            <Table.Td>{writable && <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(i.id)}>撤下</Button>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AddItem({ householdId, onAdded }: { householdId: number; onAdded: () => void }) {
  const meta = useCall('archive.meta', {});
  const empty = { docType: '' as string | null, title: '', date: todayIso(), responsible: '', pages: 1 as number | string };
  const [f, setF] = useState(empty);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const { err, run } = useFieldErrors();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const ok = await run(async () => call('archive.addItem', {
      householdId, docType: (f.docType ?? '') as '其他', title: f.title || (f.docType ?? ''), date: f.date, responsible: f.responsible,
      pages: Number(f.pages) || 1, inboxName: file ? await uploadFile(file) : undefined,
    }), '已登记到卷内目录');
    setBusy(false);
    if (ok) { setF(empty); setFile(null); onAdded(); }
  };
  return (
    <form onSubmit={submit} aria-label="登记卷内文件">
      <Group align="flex-end" gap="sm">
        <Select label="文件类别" data={meta.data?.docTypes ?? []} value={f.docType} onChange={(v) => setF({ ...f, docType: v })} required w={170} error={err('docType')} />
        <TextInput label="题名" value={f.title} onChange={(e) => setF({ ...f, title: e.currentTarget.value })} placeholder="默认为类别名" w={200} error={err('title')} />
        <DateField label="日期" value={f.date} onChange={(v) => setF({ ...f, date: v })} required error={err('date')} />
        <TextInput label="责任者" value={f.responsible} onChange={(e) => setF({ ...f, responsible: e.currentTarget.value })} w={140} error={err('responsible')} />
        <NumberInput label="页数" value={f.pages} onChange={(v) => setF({ ...f, pages: v })} min={1} max={2000} w={80} error={err('pages')} />
        <FileButton accept={ACCEPT} onChange={setFile}>
          {(p) => <Button variant="default" {...p}>{file ? `扫描件：${file.name}` : '选择扫描件（可选）'}</Button>}
        </FileButton>
        <Button type="submit" loading={busy}>登记到卷内目录</Button>
      </Group>
      {err('inboxName') && <Text size="sm" c="red" mt={4}>扫描件：{err('inboxName')}</Text>}
      <Text size="xs" c="dimmed" mt={4}>扫描件支持 {meta.data?.fileTypeList ?? 'PDF、JPG、PNG、TIF'}，单个不超过 {meta.data?.settings.maxFileMB ?? 20} MB；相同文件只保存一份。</Text>
    </form>
  );
}
