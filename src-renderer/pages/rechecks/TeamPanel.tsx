import { useState } from 'react';
import { Badge, Button, Group, Select, Table, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { ErrorAlert, Loading } from '../../components/Status';
import { useVillages } from './shared';
import { Can } from '../../lib/access';
import { useFieldErrors } from '../../lib/fieldErrors';

const ROLES = ['驻村领导', '驻村干部', '村干部'] as const;
type Role = (typeof ROLES)[number];

/** The staff and cadre list the campaign teams are formed from. */
export function TeamPanel() {
  const { data, error, loading, reload } = useCall('rechecks.team.list', { includeInactive: true });
  const villages = useVillages();
  const empty = { name: '', role: '驻村干部' as Role, phone: '', villageId: null as string | null };
  const [f, setF] = useState(empty);
  const { err, run } = useFieldErrors();
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await run(() => call('rechecks.team.save', { name: f.name, role: f.role, phone: f.phone, villageId: f.villageId ? Number(f.villageId) : null }), '已添加');
    if (ok) { setF(empty); void reload(); }
  };
  const toggle = async (m: (typeof data)[number]) => {
    if (await attempt(() => call('rechecks.team.save', { id: m.id, name: m.name, role: m.role as Role, phone: m.phone, villageId: m.villageId, active: !m.active }))) void reload();
  };
  return (
    <>
      <Table striped>
        <Table.Thead><Table.Tr><Table.Th>姓名</Table.Th><Table.Th>身份</Table.Th><Table.Th>联系电话</Table.Th><Table.Th>所在村（居）</Table.Th><Table.Th>状态</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {data.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.name}</Table.Td><Table.Td>{m.role}</Table.Td><Table.Td>{m.phone}</Table.Td><Table.Td>{m.village ?? ''}</Table.Td>
              <Table.Td>{m.active ? <Badge variant="light" color="green">在册</Badge> : <Badge color="gray">已停用</Badge>}</Table.Td>
              <Table.Td><Can channel="rechecks.team.save"><Button size="xs" variant="subtle" onClick={() => toggle(m)}>{m.active ? '停用' : '恢复'}</Button></Can></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Can channel="rechecks.team.save">
      <form onSubmit={save}>
        <Group mt="md" align="flex-end">
          <TextInput label="姓名" value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} required error={err('name')} />
          <Select label="身份" data={[...ROLES]} value={f.role} onChange={(v) => setF({ ...f, role: (v ?? '驻村干部') as Role })} allowDeselect={false} error={err('role')} />
          <TextInput label="联系电话" value={f.phone} onChange={(e) => setF({ ...f, phone: e.currentTarget.value })} error={err('phone')} />
          <Select label="所在村（居）" data={villages} value={f.villageId} onChange={(v) => setF({ ...f, villageId: v })} clearable error={err('villageId')} />
          <Button type="submit">添加成员</Button>
        </Group>
      </form>
      </Can>
    </>
  );
}
