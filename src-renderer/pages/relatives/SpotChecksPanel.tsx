import { useState } from 'react';
import { Badge, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatDate, formatDateTime } from '../../lib/format';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { todayIso } from '../../lib/format';

/** County spot checks of near-relative cases: seeded draws anyone can redraw, with the check result per household. */
export function SpotChecksPanel() {
  const me = useUser();
  const list = useCall('supervision.spotChecks.list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [f, setF] = useState<{ title: string; sampleSize: number; seed: number | '' }>({ title: `${new Date().getFullYear()}年近亲属备案抽查复核`, sampleSize: 3, seed: '' });
  const draw = async (e: React.FormEvent) => {
    e.preventDefault();
    let id = 0;
    const input = { title: f.title, sampleSize: f.sampleSize, ...(f.seed === '' ? {} : { seed: f.seed }) };
    if (await attempt(async () => { id = (await call('supervision.spotChecks.draw', input)).id; }, '已抽取')) { void list.reload(); setSelected(id); }
  };
  return (
    <Stack>
      {canWrite(me) && (
        <Card withBorder>
          <form onSubmit={draw} aria-label="随机抽查">
            <Text fw={600} mb="xs">随机抽取在保的近亲属备案户（记录抽取人、时间和随机种子，可复核）</Text>
            <Group align="flex-end">
              <TextInput label="抽查名称" value={f.title} onChange={(e) => setF({ ...f, title: e.currentTarget.value })} required w={260} />
              <NumberInput label="抽取户数" min={1} value={f.sampleSize} onChange={(v) => setF({ ...f, sampleSize: Number(v) || 1 })} w={100} />
              <NumberInput label="随机种子（留空自动生成）" min={0} value={f.seed} onChange={(v) => setF({ ...f, seed: v === '' ? '' : Number(v) })} w={200} />
              <Button type="submit">抽取</Button>
            </Group>
          </form>
        </Card>
      )}
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : list.data && (
        <Table striped highlightOnHover>
          <Table.Thead><Table.Tr><Table.Th>抽查</Table.Th><Table.Th>抽取人</Table.Th><Table.Th>抽取时间</Table.Th><Table.Th>范围/抽取</Table.Th><Table.Th>随机种子</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {list.data.map((s) => (
              <Table.Tr key={s.id} onClick={() => setSelected(s.id)} style={{ cursor: 'pointer' }}>
                <Table.Td><Button variant="subtle" size="compact-sm" onClick={() => setSelected(s.id)}>{s.title}</Button></Table.Td>
                <Table.Td>{s.drawnBy}</Table.Td><Table.Td>{formatDateTime(s.drawnAt)}</Table.Td>
                <Table.Td>{s.populationSize} 户中抽 {s.sampleSize} 户</Table.Td><Table.Td>{s.seed}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {selected && <SpotCheckDetail id={selected} />}
    </Stack>
  );
}

function SpotCheckDetail({ id }: { id: number }) {
  const me = useUser();
  const { data, error, reload } = useCall('supervision.spotChecks.get', { id });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;
  const record = async (itemId: number, result: string | null) => {
    if (!result) return;
    if (await attempt(() => call('supervision.spotChecks.record', { itemId, result: result as '符合', checkedBy: me.displayName, checkedDate: todayIso() }), '已登记')) void reload();
  };
  return (
    <Card withBorder>
      <Group mb="xs"><Text fw={600}>{data.title}</Text>
        {data.reproducible ? <Badge color="green" variant="light">按种子 {data.seed} 复核抽样一致</Badge> : <Badge color="red">复核抽样不一致</Badge>}</Group>
      <Table>
        <Table.Thead><Table.Tr><Table.Th>村（居）</Table.Th><Table.Th>户主</Table.Th><Table.Th>近亲属</Table.Th><Table.Th>经办人员/村干部</Table.Th><Table.Th>核查结果</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {data.items.map((it) => (
            <Table.Tr key={it.id}>
              <Table.Td>{it.case?.villageName}</Table.Td><Table.Td>{it.case?.headName}</Table.Td>
              <Table.Td>{it.case?.memberName}（{it.case?.relation}）</Table.Td><Table.Td>{it.case?.staffName}（{it.case?.staffPost}）</Table.Td>
              <Table.Td>{canWrite(me)
                ? <Select aria-label="核查结果" data={['符合', '不符合', '待核查']} value={it.result || null} onChange={(v) => void record(it.id, v)} w={120} />
                : it.result}{it.checkedDate && <Text size="xs" c="dimmed">{it.checkedBy} {formatDate(it.checkedDate)}</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
