import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Checkbox, FileInput, Group, MultiSelect, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { call, uploadFile } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatDate, formatYuan } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { PrintButton } from '../../components/PrintButton';
import { RecordModal } from './RecordModal';
import { Can, useCan } from '../../lib/access';
import { DateField } from '../../components/DateField';
import { useFieldErrors } from '../../lib/fieldErrors';

const PAGE_SIZE = 50;

/** One village's work in a campaign: the team, each household's visit and outcome, the sign-off sheet. */
export function VillagePage({ campaignId, villageId }: { campaignId: number; villageId: number }) {
  const campaign = useCall('rechecks.campaigns.get', { id: campaignId });
  const [page, setPage] = useState(1);
  const list = useCall('rechecks.campaigns.households', { campaignId, villageId, page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<number | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const canKeep = useCan('rechecks.campaigns.keepMany');
  if (campaign.error || list.error) return <ErrorAlert error={campaign.error ?? list.error} />;
  if (!campaign.data || !list.data) return <Loading />;
  const village = campaign.data.villages.find((v) => v.villageId === villageId);
  const reload = () => { void list.reload(); void campaign.reload(); setSelected([]); };
  const pending = list.data.rows.filter((r) => !r.outcome);
  return (
    <Stack>
      <Anchor href={`#/rechecks/campaigns/${campaignId}`}>← {campaign.data.name}</Anchor>
      <Title order={3}>{village?.village ?? '村（居）'} · 清理核实</Title>
      <Text size="sm">共 {village?.total ?? 0} 户，已入户 {village?.visited ?? 0} 户，已出处理意见 {village?.decided ?? 0} 户</Text>
      <TeamForm campaignId={campaignId} villageId={villageId} current={village?.team ?? []} onSaved={reload} />
      <Table striped>
        <Table.Thead><Table.Tr>
          <Table.Th><Checkbox aria-label="全选未处理的户" checked={pending.length > 0 && selected.length === pending.length}
            onChange={(e) => setSelected(e.currentTarget.checked ? pending.map((r) => r.id) : [])} /></Table.Th>
          <Table.Th>户主</Table.Th><Table.Th>组</Table.Th><Table.Th>人口</Table.Th><Table.Th>类别</Table.Th><Table.Th>原月保障金</Table.Th>
          <Table.Th>重点复核类别</Table.Th><Table.Th>入户日期</Table.Th><Table.Th>处理意见</Table.Th><Table.Th>新金额</Table.Th><Table.Th>核查人</Table.Th><Table.Th />
        </Table.Tr></Table.Thead>
        <Table.Tbody>
          {list.data.rows.map((r) => (
            <Table.Tr key={r.id} data-testid="campaign-household">
              <Table.Td>{!r.outcome && canKeep && <Checkbox aria-label={`选择 ${r.headName}`} checked={selected.includes(r.id)}
                onChange={(e) => setSelected(e.currentTarget.checked ? [...selected, r.id] : selected.filter((x) => x !== r.id))} />}</Table.Td>
              <Table.Td><Anchor href={`#/households/${r.householdId}`}>{r.headName}</Anchor></Table.Td>
              <Table.Td>{r.group}</Table.Td><Table.Td>{r.memberCount}</Table.Td><Table.Td>{r.category}</Table.Td><Table.Td>{formatYuan(r.amountBeforeFen)}</Table.Td>
              <Table.Td title={r.suggestedFlags.map((s) => `${s.code}：${s.reason}`).join('\n')}>
                {r.flags.map((f) => <Badge key={f} size="sm" color="orange" variant="light" mr={2}>{f}</Badge>)}
              </Table.Td>
              <Table.Td>{formatDate(r.visitDate)}</Table.Td>
              <Table.Td>{r.outcome ? <Badge color={r.outcome === '维持' ? 'gray' : 'red'}>{r.outcome}</Badge> : ''}</Table.Td>
              <Table.Td>{r.outcome && r.outcome !== '维持' ? formatYuan(r.newAmountFen) : ''}</Table.Td>
              <Table.Td>{r.checkedBy}</Table.Td>
              <Table.Td>{!r.decisionRef && <Can channel="rechecks.campaigns.record"><Button size="xs" variant="light" onClick={() => setEditing(r.id)}>登记</Button></Can>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data.total > PAGE_SIZE && <Pagination total={Math.ceil(list.data.total / PAGE_SIZE)} value={page} onChange={setPage} />}
      <KeepMany ids={selected} onDone={reload} />
      <Group>
        <PrintButton label="打印空白登记表" document="rechecks.signoff" args={{ campaignId, villageId, filled: false }} />
        <PrintButton label="打印已填登记表" document="rechecks.signoff" args={{ campaignId, villageId, filled: true }} />
      </Group>
      <SignoffForm campaignId={campaignId} villageId={villageId} done={village?.signoff ?? null} onSaved={reload} />
      {editing != null && <RecordModal id={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />}
    </Stack>
  );
}

function TeamForm({ campaignId, villageId, current, onSaved }: { campaignId: number; villageId: number; current: { id: number; role: string }[]; onSaved: () => void }) {
  const { data } = useCall('rechecks.team.list', { includeInactive: false });
  const pick = (role: string) => current.filter((t) => t.role === role).map((t) => String(t.id));
  const [leader, setLeader] = useState<string | null>(pick('驻村领导')[0] ?? null);
  const [cadres, setCadres] = useState<string[]>(pick('驻村干部'));
  const [locals, setLocals] = useState<string[]>(pick('村干部'));
  useEffect(() => { setLeader(pick('驻村领导')[0] ?? null); setCadres(pick('驻村干部')); setLocals(pick('村干部')); }, [JSON.stringify(current)]);
  const options = (role: string) => (data ?? []).filter((m) => m.role === role).map((m) => ({ value: String(m.id), label: m.name }));
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const seats = [...(leader ? [{ teamMemberId: Number(leader), role: '驻村领导' as const }] : []),
      ...cadres.map((v) => ({ teamMemberId: Number(v), role: '驻村干部' as const })), ...locals.map((v) => ({ teamMemberId: Number(v), role: '村干部' as const }))];
    if (await attempt(() => call('rechecks.campaigns.setTeam', { campaignId, villageId, seats }), '已保存清理小组')) onSaved();
  };
  return (
    <Paper withBorder p="sm">
      <Can channel="rechecks.campaigns.setTeam">
      <form onSubmit={save}>
        <Group align="flex-end">
          <Select label="驻村领导（组长）" data={options('驻村领导')} value={leader} onChange={setLeader} searchable />
          <MultiSelect label="驻村干部" data={options('驻村干部')} value={cadres} onChange={setCadres} searchable />
          <MultiSelect label="村干部" data={options('村干部')} value={locals} onChange={setLocals} searchable />
          <Button type="submit">保存清理小组</Button>
        </Group>
      </form>
      </Can>
    </Paper>
  );
}

function KeepMany({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const [f, setF] = useState({ visitDate: '', checkedBy: '' });
  const { err, run } = useFieldErrors();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => call('rechecks.campaigns.keepMany', { ids, visitDate: f.visitDate, checkedBy: f.checkedBy }), `已登记 ${ids.length} 户维持`)) onDone();
  };
  return (
    <Can channel="rechecks.campaigns.keepMany">
    <form onSubmit={submit}>
      <Group align="flex-end">
        <DateField label="入户日期" value={f.visitDate} onChange={(v) => setF({ ...f, visitDate: v })} required error={err('visitDate')} />
        <TextInput label="核查人" value={f.checkedBy} onChange={(e) => setF({ ...f, checkedBy: e.currentTarget.value })} required error={err('checkedBy')} />
        <Button type="submit" disabled={ids.length === 0}>所选 {ids.length} 户登记“维持”</Button>
      </Group>
    </form>
    </Can>
  );
}

function SignoffForm({ campaignId, villageId, done, onSaved }: { campaignId: number; villageId: number; done: { returnedDate: string; scanRef: string } | null; onSaved: () => void }) {
  const [date, setDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { err, run } = useFieldErrors();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await run(async () => {
      const scanRef = file ? await uploadFile(file) : '';
      await call('rechecks.campaigns.signoff', { campaignId, villageId, returnedDate: date, scanRef });
    }, '已登记登记表交回');
    if (ok) onSaved();
  };
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">签字登记表交回{done ? `：已于 ${formatDate(done.returnedDate)} 交回${done.scanRef ? '（扫描件已存入本村各户档案袋）' : ''}` : ''}</Text>
      <Can channel="rechecks.campaigns.signoff">
      <form onSubmit={submit}>
        <Group align="flex-end">
          <DateField label="交回日期" value={date} onChange={(v) => setDate(v)} required error={err('returnedDate')} />
          <FileInput label="扫描件（PDF/JPG/PNG/TIF）" value={file} onChange={setFile} accept="application/pdf,image/jpeg,image/png,image/tiff" clearable />
          <Button type="submit">登记交回</Button>
        </Group>
      </form>
      </Can>
    </Paper>
  );
}
