import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, FileInput, Group, Modal, Pagination, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { call, openOutbox, uploadFile, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt, notifyError } from '../../lib/notify';
import { formatDate } from '../../lib/format';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { PrintButton } from '../../components/PrintButton';
import { DateField, HouseholdPicker, pageCount, type LookupHousehold } from './shared';
import { useFieldErrors } from '../../lib/fieldErrors';

type Row = Out<'supervision.custody.list'>['rows'][number];
type Filter = 'active' | 'unfiled' | 'all';
const PAGE = 30;

/** 银行卡代管登记: whose card is held by whom, the written agreement, the county filing; unfiled custody first. */
export function CustodyPanel() {
  const me = useUser();
  const [filter, setFilter] = useState<Filter>('active');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const { data, error, loading, reload } = useCall('supervision.custody.list', { filter, page, pageSize: PAGE });
  const openFile = (name: string) => attempt(async () => openOutbox((await call('supervision.files.open', { inboxName: name })).name));
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl value={filter} onChange={(v) => { setFilter(v as Filter); setPage(1); }}
          data={[{ value: 'active', label: '代管中' }, { value: 'unfiled', label: '未报县备案' }, { value: 'all', label: '全部' }]} />
        <Group>
          {canWrite(me) && <Button onClick={() => setEditing('new')}>登记代管</Button>}
          <PrintButton document="supervision.custodyRegister" args={{ includeEnded: filter === 'all' }} label="打印代管台账" />
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {loading && !data ? <Loading /> : data && (
        <>
          <Table striped>
            <Table.Thead><Table.Tr><Table.Th>村（居）</Table.Th><Table.Th>持卡人</Table.Th><Table.Th>代管人</Table.Th><Table.Th>关系</Table.Th><Table.Th>原因</Table.Th>
              <Table.Th>起始</Table.Th><Table.Th>书面协议</Table.Th><Table.Th>报县备案</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.villageName}</Table.Td><Table.Td>{r.cardholderName}</Table.Td>
                  <Table.Td>{r.holderName}{r.holderIsStaff && <Badge color="red" variant="light" ml={4}>工作人员/村干部代管</Badge>}</Table.Td>
                  <Table.Td>{r.holderRelation}</Table.Td><Table.Td>{r.reason}</Table.Td><Table.Td>{formatDate(r.startDate)}{r.endDate && ` 至 ${formatDate(r.endDate)}`}</Table.Td>
                  <Table.Td>{r.agreementFile ? <Anchor component="button" type="button" onClick={() => void openFile(r.agreementFile!)}>{r.agreementName}</Anchor> : <Badge color="yellow" variant="light">无</Badge>}</Table.Td>
                  <Table.Td>{r.filedDate ? formatDate(r.filedDate) : <Badge color="red" variant="light">未备案</Badge>}</Table.Td>
                  <Table.Td>{canWrite(me) && <Button size="xs" variant="subtle" onClick={() => setEditing(r)}>修改</Button>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pagination total={pageCount(data.total, PAGE)} value={page} onChange={setPage} />
        </>
      )}
      {editing && <CustodyModal row={editing === 'new' ? null : editing} onClose={(saved) => { setEditing(null); if (saved) void reload(); }} />}
    </Stack>
  );
}

function CustodyModal({ row, onClose }: { row: Row | null; onClose: (saved: boolean) => void }) {
  const [household, setHousehold] = useState<LookupHousehold | null>(null);
  const [f, setF] = useState({
    householdId: row?.householdId ?? 0, memberId: row?.memberId ?? null, bankName: row?.bankName ?? '', holderName: row?.holderName ?? '',
    holderIdNumber: '', holderRelation: row?.holderRelation ?? '', reason: row?.reason ?? '', startDate: row?.startDate ?? '',
    endDate: row?.endDate ?? null, agreementFile: row?.agreementFile ?? null, filedDate: row?.filedDate ?? null, note: row?.note ?? '',
  });
  const [ended, setEnded] = useState(!!row?.endDate);
  const { err, run } = useFieldErrors();
  const upload = async (file: File | null) => {
    if (!file) return;
    try { setF({ ...f, agreementFile: await uploadFile(file) }); } catch (e) { notifyError(e); }
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const input = { ...f, ...(row ? { id: row.id } : {}), endDate: ended ? f.endDate : null };
    if (await run(() => call('supervision.custody.save', input), '已保存代管登记')) onClose(true);
  };
  return (
    <Modal opened onClose={() => onClose(false)} title={row ? `修改代管登记：${row.cardholderName}` : '登记银行卡代管'} size="lg">
      <form onSubmit={save}>
        <Stack>
          {!row && <HouseholdPicker label="持卡人所在户" onPick={(h) => { setHousehold(h); setF({ ...f, householdId: h.id, memberId: h.members[0]?.id ?? null }); }} />}
          {household && <Select label="持卡人" data={household.members.map((m) => ({ value: String(m.id), label: `${m.name}（${m.relation}）` }))}
            value={f.memberId ? String(f.memberId) : null} onChange={(v) => setF({ ...f, memberId: v ? Number(v) : null })} />}
          <Group grow>
            <TextInput label="开户银行" value={f.bankName} onChange={(e) => setF({ ...f, bankName: e.currentTarget.value })} error={err('bankName')} />
            <TextInput label="代管人姓名" value={f.holderName} onChange={(e) => setF({ ...f, holderName: e.currentTarget.value })} required error={err('holderName')} />
          </Group>
          <Group grow>
            <TextInput label="代管人身份证号" placeholder={row ? '不修改可留空' : ''} value={f.holderIdNumber} onChange={(e) => setF({ ...f, holderIdNumber: e.currentTarget.value })} error={err('holderIdNumber')} />
            <TextInput label="与持卡人关系" value={f.holderRelation} onChange={(e) => setF({ ...f, holderRelation: e.currentTarget.value })} required error={err('holderRelation')} />
          </Group>
          <TextInput label="代管原因" value={f.reason} onChange={(e) => setF({ ...f, reason: e.currentTarget.value })} error={err('reason')} />
          <Group grow>
            <DateField label="代管起始日期" value={f.startDate} onChange={(v) => setF({ ...f, startDate: v ?? '' })} required error={err('startDate')} />
            <DateField label="报县级备案日期" value={f.filedDate} onChange={(v) => setF({ ...f, filedDate: v })} error={err('filedDate')} />
          </Group>
          <FileInput label="书面代管协议（扫描件或照片）" placeholder={f.agreementFile ? '已上传，可重新选择' : '选择文件'} onChange={(file) => void upload(file)} clearable />
          <Checkbox label="代管已终止" checked={ended} onChange={(e) => setEnded(e.currentTarget.checked)} />
          {ended && <DateField label="终止日期" value={f.endDate} onChange={(v) => setF({ ...f, endDate: v })} error={err('endDate')} />}
          {!f.householdId && <Text size="sm" c="red">请先查找并选择持卡人所在户</Text>}
          <Group justify="flex-end"><Button type="submit" disabled={!f.householdId}>保存</Button></Group>
        </Stack>
      </form>
    </Modal>
  );
}
