import { useState } from 'react';
import { Badge, Button, Group, PasswordInput, Select, Table, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { ErrorAlert, Loading } from '../../components/Status';
import { isAdmin, useUser } from '../../lib/user';
import { Can } from '../../lib/access';
import { useFieldErrors } from '../../lib/fieldErrors';

const ROLE_OPTIONS = [{ value: 'admin', label: '管理员' }, { value: 'clerk', label: '经办人' }, { value: 'reviewer', label: '审核人' }, { value: 'readonly', label: '只读' }, { value: 'county', label: '县级（汇总各乡镇报送包）' }];

export function UsersPanel() {
  const me = useUser();
  const { data, error, loading, reload } = useCall('users.list', {});
  const [f, setF] = useState({ username: '', displayName: '', role: 'clerk', password: '' });
  const { err, run } = useFieldErrors();
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => call('users.create', { ...f, role: f.role as 'clerk' }), '已新建用户')) {
      setF({ username: '', displayName: '', role: 'clerk', password: '' });
      void reload();
    }
  };
  return (
    <>
      <Table striped>
        <Table.Thead><Table.Tr><Table.Th>用户名</Table.Th><Table.Th>姓名</Table.Th><Table.Th>角色</Table.Th><Table.Th>状态</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {data.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.username}</Table.Td><Table.Td>{u.displayName}</Table.Td><Table.Td>{u.roleLabel}</Table.Td>
              <Table.Td>{u.active ? <Badge color="green" variant="light">启用</Badge> : <Badge color="gray">停用</Badge>}</Table.Td>
              <Table.Td>{isAdmin(me) && u.id !== me.id && (
                <Button size="xs" variant="subtle" onClick={async () => { if (await attempt(() => call('users.update', { id: u.id, active: !u.active }))) void reload(); }}>
                  {u.active ? '停用' : '启用'}
                </Button>)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Can channel="users.create" otherwise="note" what="新建用户">
      <form onSubmit={create}>
        <Group mt="md" align="flex-end">
          <TextInput label="用户名" value={f.username} onChange={(e) => setF({ ...f, username: e.currentTarget.value })} required error={err('username')} />
          <TextInput label="姓名" value={f.displayName} onChange={(e) => setF({ ...f, displayName: e.currentTarget.value })} required error={err('displayName')} />
          <Select label="角色" data={ROLE_OPTIONS.filter((o) => o.value !== 'admin' || isAdmin(me))} value={f.role} onChange={(v) => setF({ ...f, role: v ?? 'clerk' })} allowDeselect={false} error={err('role')} />
          <PasswordInput label="初始密码" value={f.password} onChange={(e) => setF({ ...f, password: e.currentTarget.value })} required error={err('password')} />
          <Button type="submit">新建用户</Button>
        </Group>
      </form>
      </Can>
    </>
  );
}
