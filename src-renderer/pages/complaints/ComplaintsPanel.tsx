import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Modal, Pagination, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { formatDate } from '../../lib/format';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { PrintButton } from '../../components/PrintButton';
import { DateField, HouseholdPicker, pageCount } from '../relatives/shared';
import { todayIso } from '../../lib/format';
import { useFieldErrors } from '../../lib/fieldErrors';

type Filter = 'all' | 'open' | 'overdue' | 'closed' | 'transferred';
const PAGE = 30;
const CHANNELS = ['电话', '来信', '来访', '网络', '上级转办'] as const;

/** 信访举报台账: every complaint with its handling; reporter contacts are masked here; overdue ones on their own tab. */
export function ComplaintsPanel() {
  const me = useUser();
  const [filter, setFilter] = useState<Filter>('open');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const { data, error, loading, reload } = useCall('supervision.complaints.list', { filter, search, page, pageSize: PAGE });
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <SegmentedControl value={filter} onChange={(v) => { setFilter(v as Filter); setPage(1); }} data={[{ value: 'open', label: '办理中' },
            { value: 'overdue', label: '逾期未办结' }, { value: 'closed', label: '已办结' }, { value: 'transferred', label: '已移交纪检监察' }, { value: 'all', label: '全部' }]} />
          <TextInput aria-label="搜索" placeholder="内容、反映人、承办人" value={search} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }} />
        </Group>
        <Group>
          {canWrite(me) && <Button onClick={() => setEditing('new')}>登记信访举报</Button>}
          <PrintButton document="supervision.complaintsRegister" args={{}} label="打印信访举报台账" />
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {loading && !data ? <Loading /> : data && (
        <>
          <Table striped highlightOnHover>
            <Table.Thead><Table.Tr><Table.Th>受理日期</Table.Th><Table.Th>渠道</Table.Th><Table.Th>反映人</Table.Th><Table.Th>反映内容</Table.Th><Table.Th>相关户</Table.Th>
              <Table.Th>承办人</Table.Th><Table.Th>办理时限</Table.Th><Table.Th>状态</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDate(c.receivedDate)}</Table.Td><Table.Td>{c.channel}</Table.Td>
                  <Table.Td>{c.reporterName}<Text size="xs" c="dimmed">{c.reporterContact}</Text></Table.Td>
                  <Table.Td maw={320}>{c.content}</Table.Td>
                  <Table.Td>{c.households.map((h) => `${h.villageName ?? ''}${h.headName ?? ''}户`).join('、')}</Table.Td>
                  <Table.Td>{c.handler}</Table.Td>
                  <Table.Td>{formatDate(c.deadline)}{c.overdueDays > 0 && <Badge color="red" ml={4}>逾期{c.overdueDays}天</Badge>}</Table.Td>
                  <Table.Td>{c.closedDate ? <Badge color="green" variant="light">已办结</Badge> : <Badge variant="light">办理中</Badge>}
                    {c.transferredDate && <Badge color="grape" variant="light" ml={4}>已移交</Badge>}</Table.Td>
                  <Table.Td><Button size="xs" variant="subtle" onClick={() => setEditing(c.id)}>{canWrite(me) ? '办理' : '查看'}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pagination total={pageCount(data.total, PAGE)} value={page} onChange={setPage} />
        </>
      )}
      {editing && <ComplaintModal id={editing === 'new' ? null : editing} onClose={(saved) => { setEditing(null); if (saved) void reload(); }} />}
    </Stack>
  );
}

interface Form {
  receivedDate: string; channel: (typeof CHANNELS)[number]; anonymous: boolean; reporterName: string; reporterContact: string; content: string;
  households: { id: number; label: string }[]; handler: string; deadline: string | null; steps: string; result: string; closedDate: string | null;
  transferredDate: string | null; transferredTo: string; replyDate: string | null; replyContent: string;
}

const blank = (): Form => ({ receivedDate: todayIso(), channel: '电话', anonymous: false, reporterName: '', reporterContact: '',
  content: '', households: [], handler: '', deadline: null, steps: '', result: '', closedDate: null, transferredDate: null, transferredTo: '', replyDate: null, replyContent: '' });

function ComplaintModal({ id, onClose }: { id: number | null; onClose: (saved: boolean) => void }) {
  const me = useUser();
  const existing = useCall('supervision.complaints.get', { id: id ?? 1 }, id !== null);
  const [f, setF] = useState<Form | null>(id === null ? blank() : null);
  const { err, run } = useFieldErrors();
  if (id !== null && existing.error) return <Modal opened onClose={() => onClose(false)} title="信访举报"><ErrorAlert error={existing.error} /></Modal>;
  const d = existing.data;
  const form: Form | null = f ?? (d ? { ...d, channel: d.channel as Form['channel'], reporterName: d.anonymous ? '' : d.reporterName,
    households: d.households.map((h) => ({ id: h.id, label: `${h.villageName ?? ''}${h.headName ?? ''}户` })) } : null);
  if (!form) return <Modal opened onClose={() => onClose(false)} title="信访举报"><Loading /></Modal>;
  const set = (patch: Partial<Form>) => setF({ ...form, ...patch });
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const { households, ...rest } = form;
    if (await run(() => call('supervision.complaints.save', { ...rest, ...(id ? { id } : {}), deadline: rest.deadline ?? undefined,
      householdIds: households.map((h) => h.id) }), '已保存')) onClose(true);
  };
  const ro = !canWrite(me);
  return (
    <Modal opened onClose={() => onClose(false)} title={id ? '办理信访举报' : '登记信访举报'} size="xl">
      <form onSubmit={save}>
        <fieldset disabled={ro} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack>
            <Group grow>
              <DateField label="受理日期" value={form.receivedDate} onChange={(v) => set({ receivedDate: v ?? '' })} required error={err('receivedDate')} />
              <Select label="渠道" data={[...CHANNELS]} value={form.channel} onChange={(v) => set({ channel: (v ?? '电话') as Form['channel'] })} allowDeselect={false} error={err('channel')} />
              <DateField label="办理时限（留空按规定天数）" value={form.deadline} onChange={(v) => set({ deadline: v })} error={err('deadline')} />
            </Group>
            <Checkbox label="匿名" checked={form.anonymous} onChange={(e) => set({ anonymous: e.currentTarget.checked })} error={err('anonymous')} />
            {!form.anonymous && <Group grow>
              <TextInput label="反映人" value={form.reporterName} onChange={(e) => set({ reporterName: e.currentTarget.value })} error={err('reporterName')} />
              <TextInput label="联系方式" value={form.reporterContact} onChange={(e) => set({ reporterContact: e.currentTarget.value })} error={err('reporterContact')} />
            </Group>}
            <Textarea label="反映内容" value={form.content} onChange={(e) => set({ content: e.currentTarget.value })} required autosize minRows={2} error={err('content')} />
            <Group align="flex-end">
              <HouseholdPicker onPick={(h) => { if (!form.households.some((x) => x.id === h.id)) set({ households: [...form.households, { id: h.id, label: `${h.villageName ?? ''}${h.headName ?? ''}户` }] }); }} />
              {form.households.map((h) => <Badge key={h.id} variant="light" rightSection={<span role="button" aria-label="移除" onClick={() => set({ households: form.households.filter((x) => x.id !== h.id) })}>×</span>}>{h.label}</Badge>)}
            </Group>
            <TextInput label="承办人" value={form.handler} onChange={(e) => set({ handler: e.currentTarget.value })} error={err('handler')} />
            <Textarea label="办理措施" value={form.steps} onChange={(e) => set({ steps: e.currentTarget.value })} autosize minRows={2} error={err('steps')} />
            <Textarea label="办理结果" value={form.result} onChange={(e) => set({ result: e.currentTarget.value })} autosize minRows={2} error={err('result')} />
            <Group grow>
              <DateField label="移交纪检监察日期" value={form.transferredDate} onChange={(v) => set({ transferredDate: v })} error={err('transferredDate')} />
              <TextInput label="移交至" value={form.transferredTo} onChange={(e) => set({ transferredTo: e.currentTarget.value })} error={err('transferredTo')} />
            </Group>
            <Group grow>
              <DateField label="答复反映人日期" value={form.replyDate} onChange={(v) => set({ replyDate: v })} error={err('replyDate')} />
              <TextInput label="答复内容" value={form.replyContent} onChange={(e) => set({ replyContent: e.currentTarget.value })} error={err('replyContent')} />
            </Group>
            <DateField label="办结日期" value={form.closedDate} onChange={(v) => set({ closedDate: v })} error={err('closedDate')} />
            {!ro && <Group justify="flex-end"><Button type="submit">保存</Button></Group>}
          </Stack>
        </fieldset>
      </form>
    </Modal>
  );
}
