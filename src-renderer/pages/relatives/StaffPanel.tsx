import { useState } from 'react';
import { Badge, Button, Card, Grid, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt, notifyOk } from '../../lib/notify';
import { formatDate } from '../../lib/format';
import { navigate } from '../../lib/router';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { DateField, pageCount } from './shared';
import { todayIso } from '../../lib/format';
import { useFieldErrors } from '../../lib/fieldErrors';

const PAGE = 30;
const KINDS = ['低保经办人员', '村(居)委会成员'] as const;
type Kind = (typeof KINDS)[number];

/** The registry of 低保经办人员 and 村(居)委会成员; the selected person's declared relatives on the right. */
export function StaffPanel({ staffId }: { staffId: number | null }) {
  const me = useUser();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useCall('supervision.staff.list', { search, page, pageSize: PAGE, includeLeft: true });
  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack>
          <TextInput aria-label="搜索人员" placeholder="姓名、单位、职务" value={search} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }} />
          <ErrorAlert error={error} />
          {loading && !data ? <Loading /> : data && (
            <>
              <Table striped highlightOnHover>
                <Table.Thead><Table.Tr><Table.Th>姓名</Table.Th><Table.Th>类别</Table.Th><Table.Th>单位及职务</Table.Th><Table.Th>身份证号</Table.Th>
                  <Table.Th>任期</Table.Th><Table.Th>近亲属</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {data.rows.map((s) => (
                    <Table.Tr key={s.id} onClick={() => navigate(`/relatives/staff/${s.id}`)} style={{ cursor: 'pointer' }}
                      bg={s.id === staffId ? 'var(--mantine-color-blue-light)' : undefined}>
                      <Table.Td><Button variant="subtle" size="compact-sm" onClick={() => navigate(`/relatives/staff/${s.id}`)}>{s.name}</Button>
                        {!s.active && <Badge color="gray" ml={4}>离任</Badge>}</Table.Td>
                      <Table.Td>{s.kind}</Table.Td>
                      <Table.Td>{s.unit} {s.post}</Table.Td>
                      <Table.Td>{s.idNumber}</Table.Td>
                      <Table.Td>{[formatDate(s.termStart), formatDate(s.termEnd)].filter(Boolean).join('至')}</Table.Td>
                      <Table.Td>{s.relativeCount} 人{s.matchCount > 0 && <Badge color="orange" variant="light" ml={4}>低保 {s.matchCount}</Badge>}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Pagination total={pageCount(data.total, PAGE)} value={page} onChange={setPage} />
            </>
          )}
          {canWrite(me) && <StaffForm onSaved={(id) => { void reload(); navigate(`/relatives/staff/${id}`); }} />}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        {staffId ? <RelativesCard staffId={staffId} onChanged={() => void reload()} /> : <Text c="dimmed">点击左侧人员，查看并登记其近亲属。</Text>}
      </Grid.Col>
    </Grid>
  );
}

function StaffForm({ onSaved }: { onSaved: (id: number) => void }) {
  const empty = { kind: '村(居)委会成员' as Kind, name: '', idNumber: '', unit: '', post: '', termStart: null as string | null, termEnd: null as string | null };
  const [f, setF] = useState(empty);
  const { err, run } = useFieldErrors();
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    let id = 0;
    if (await run(async () => { id = (await call('supervision.staff.save', f)).id; }, '已登记人员')) { setF(empty); onSaved(id); }
  };
  return (
    <Card withBorder>
      <form onSubmit={save} aria-label="登记人员">
        <Text fw={600} mb="xs">登记经办人员或村(居)委会成员</Text>
        <Group align="flex-end" wrap="wrap">
          <Select label="类别" data={[...KINDS]} value={f.kind} onChange={(v) => setF({ ...f, kind: (v ?? f.kind) as Kind })} allowDeselect={false} w={150} error={err('kind')} />
          <TextInput label="姓名" value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} required w={110} error={err('name')} />
          <TextInput label="身份证号" value={f.idNumber} onChange={(e) => setF({ ...f, idNumber: e.currentTarget.value })} required w={200} error={err('idNumber')} />
          <TextInput label="单位" placeholder="如：石桥村委员会" value={f.unit} onChange={(e) => setF({ ...f, unit: e.currentTarget.value })} w={160} error={err('unit')} />
          <TextInput label="职务" value={f.post} onChange={(e) => setF({ ...f, post: e.currentTarget.value })} w={110} error={err('post')} />
          <DateField label="任期开始" value={f.termStart} onChange={(v) => setF({ ...f, termStart: v })} error={err('termStart')} />
          <DateField label="任期结束" value={f.termEnd} onChange={(v) => setF({ ...f, termEnd: v })} error={err('termEnd')} />
          <Button type="submit">登记人员</Button>
        </Group>
      </form>
    </Card>
  );
}

function RelativesCard({ staffId, onChanged }: { staffId: number; onChanged: () => void }) {
  const me = useUser();
  const relatives = useCall('supervision.relatives.list', { staffId });
  const relations = useCall('supervision.relations', {});
  const empty = { name: '', idNumber: '', relation: '' };
  const [f, setF] = useState(empty);
  const { err, run } = useFieldErrors();
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    let found = 0;
    const ok = await run(async () => { found = (await call('supervision.relatives.add', { staffId, ...f })).matchIds.length; });
    if (!ok) return;
    notifyOk(found ? `已登记；比对发现该近亲属是 ${found} 户低保家庭成员，已列入备案台账` : '已登记；暂未在低保家庭成员中发现此人');
    setF(empty); void relatives.reload(); onChanged();
  };
  const leave = async () => {
    if (await attempt(() => call('supervision.staff.leave', { id: staffId, leftDate: todayIso() }), '已登记离任')) onChanged();
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs"><Text fw={600}>申报的近亲属</Text>
        {canWrite(me) && <Button size="xs" variant="subtle" color="gray" onClick={() => void leave()}>登记离任</Button>}</Group>
      <ErrorAlert error={relatives.error} />
      {relatives.data && (
        <Table>
          <Table.Thead><Table.Tr><Table.Th>姓名</Table.Th><Table.Th>关系</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>比对结果</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {relatives.data.map((r) => (
              <Table.Tr key={r.id} c={r.removed ? 'dimmed' : undefined}>
                <Table.Td>{r.name}</Table.Td><Table.Td>{r.relation}</Table.Td><Table.Td>{r.idNumber}</Table.Td>
                <Table.Td>{r.householdIds.length ? <Badge color="orange" variant="light">享受低保（{r.householdIds.length}户）</Badge> : '未发现'}{r.removed && '（已撤销）'}</Table.Td>
                <Table.Td>{canWrite(me) && !r.removed && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={async () => {
                    const reason = window.prompt('撤销原因（如：关系终止、登记错误）');
                    if (reason && await attempt(() => call('supervision.relatives.remove', { id: r.id, reason }), '已撤销')) { void relatives.reload(); onChanged(); }
                  }}>撤销</Button>)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite(me) && (
        <form onSubmit={add} aria-label="登记近亲属">
          <Stack gap="xs" mt="md">
            <Text size="sm" fw={600}>登记近亲属（谁的亲属，谁申报）</Text>
            <Group align="flex-end" wrap="wrap">
              <TextInput label="近亲属姓名" value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} required w={110} error={err('name')} />
              <TextInput label="近亲属身份证号" value={f.idNumber} onChange={(e) => setF({ ...f, idNumber: e.currentTarget.value })} required w={200} error={err('idNumber')} />
              <Select label="关系" data={relations.data ?? []} value={f.relation || null} onChange={(v) => setF({ ...f, relation: v ?? '' })} required w={130} error={err('relation')} />
              <Button type="submit">登记近亲属</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
