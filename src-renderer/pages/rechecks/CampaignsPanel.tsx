import { useState } from 'react';
import { Anchor, Button, Group, MultiSelect, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { navigate } from '../../lib/router';
import { formatDate } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { useVillages } from './shared';
import { Can } from '../../lib/access';
import { DateField } from '../../components/DateField';
import { useFieldErrors } from '../../lib/fieldErrors';

const PHASES = ['准备', '清理实施', '抽查', '总结'];

export function CampaignsPanel() {
  const { data, error, loading } = useCall('rechecks.campaigns.list', {});
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  return (
    <Stack>
      <Table striped highlightOnHover>
        <Table.Thead><Table.Tr><Table.Th>行动名称</Table.Th><Table.Th>统计时点</Table.Th><Table.Th>户数</Table.Th><Table.Th>已出处理意见</Table.Th><Table.Th>状态</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {data.length === 0 && <Table.Tr><Table.Td colSpan={5}><Text c="dimmed">尚无专项行动</Text></Table.Td></Table.Tr>}
          {data.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td><Anchor href={`#/rechecks/campaigns/${c.id}`}>{c.name}</Anchor></Table.Td>
              <Table.Td>{formatDate(c.scopeDate)}</Table.Td><Table.Td>{c.households}</Table.Td><Table.Td>{c.decided}</Table.Td><Table.Td>{c.status}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <NewCampaign />
    </Stack>
  );
}

function NewCampaign() {
  const villages = useVillages();
  const [f, setF] = useState({ name: '', basis: '', scopeDate: '', villageIds: [] as string[] });
  const [phases, setPhases] = useState(PHASES.map((name) => ({ name, startDate: '', endDate: '' })));
  const { err, errors, run } = useFieldErrors();
  // only phases with both dates are sent: main's 'phases.N' counts those, so map each row to its place in what was sent
  const sentIndex = (i: number) => phases.slice(0, i).filter((p) => p.startDate && p.endDate).length;
  const phaseErr = (i: number, key: 'startDate' | 'endDate') => {
    const p = phases[i];
    if (!p.startDate || !p.endDate) return undefined;
    const own = err(`phases.${sentIndex(i)}.${key}`);
    return key === 'startDate' ? own ?? errors[`phases.${sentIndex(i)}`] : own; // a message about the whole phase (exact path) goes under 开始
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    let id = 0;
    const ok = await run(async () => {
      const r = await call('rechecks.campaigns.create', { name: f.name, basis: f.basis, scopeDate: f.scopeDate,
        filter: f.villageIds.length ? { villageIds: f.villageIds.map(Number) } : {},
        phases: phases.filter((p) => p.startDate && p.endDate) });
      id = r.id;
    }, '已建立专项行动');
    if (ok) navigate(`/rechecks/campaigns/${id}`);
  };
  return (
    <Can channel="rechecks.campaigns.create">
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={5}>新建专项行动</Title>
          <Group grow align="flex-start">
            <TextInput label="行动名称" value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} required error={err('name')} />
            <DateField label="统计时点（该日在保的户）" value={f.scopeDate} onChange={(v) => setF({ ...f, scopeDate: v })} required error={err('scopeDate')} />
            <MultiSelect label="范围：村（居）（不选为全镇）" data={villages} value={f.villageIds} onChange={(v) => setF({ ...f, villageIds: v })} clearable searchable error={err('villageIds')} />
          </Group>
          <Textarea label="依据（文件名称、文号）" value={f.basis} onChange={(e) => setF({ ...f, basis: e.currentTarget.value })} autosize minRows={2} error={err('basis')} />
          {phases.map((p, i) => (
            <Group key={p.name} align="flex-end">
              <Text w={90}>{p.name}阶段</Text>
              <DateField label={`${p.name}开始`} value={p.startDate} onChange={(v) => { setPhases(phases.map((x, k) => (k === i ? { ...x, startDate: v } : x))); }} error={phaseErr(i, 'startDate')} />
              <DateField label={`${p.name}结束`} value={p.endDate} onChange={(v) => { setPhases(phases.map((x, k) => (k === i ? { ...x, endDate: v } : x))); }} error={phaseErr(i, 'endDate')} />
            </Group>
          ))}
          {err('filter') && <Text size="sm" c="red">{err('filter')}</Text>}
          <Group><Button type="submit">建立专项行动</Button></Group>
        </Stack>
      </form>
    </Paper>
    </Can>
  );
}
