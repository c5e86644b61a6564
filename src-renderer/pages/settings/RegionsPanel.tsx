import { useState } from 'react';
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { call, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { ErrorAlert, Loading } from '../../components/Status';
import { useFieldErrors } from '../../lib/fieldErrors';

type Node = Out<'regions.tree'>[number];

/** Township → 村/居 → 组, editable by the administrator. */
export function RegionsPanel() {
  const { data, error, loading, reload } = useCall('regions.tree', {});
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  return <Stack>{data.map((t) => <RegionNode key={t.id} node={t} reload={reload} />)}</Stack>;
}

function RegionNode({ node, reload }: { node: Node; reload: () => void }) {
  const [name, setName] = useState('');
  const childLabel = node.level === 'township' ? '村/居' : '组';
  const { err, run } = useFieldErrors();
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => call('regions.create', { parentId: node.id, name }), `已新增${childLabel}`)) { setName(''); reload(); }
  };
  const rename = async () => {
    const n = window.prompt('新名称', node.name);
    if (n && n !== node.name && (await attempt(() => call('regions.rename', { id: node.id, name: n })))) reload();
  };
  const remove = async () => {
    if (window.confirm(`删除“${node.name}”？`) && (await attempt(() => call('regions.remove', { id: node.id }), '已删除'))) reload();
  };
  return (
    <Card withBorder p="xs" ml={node.level === 'group' ? 24 : node.level === 'village' ? 12 : 0}>
      <Group justify="space-between">
        <Text fw={node.level === 'group' ? 400 : 600}>{node.name}</Text>
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" onClick={rename}>改名</Button>
          {node.level !== 'township' && <Button size="compact-xs" variant="subtle" color="red" onClick={remove}>删除</Button>}
        </Group>
      </Group>
      {node.level !== 'group' && (
        <>
          <Group gap="xs" mt={4} wrap="wrap">
            {node.level === 'village'
              ? node.children.map((g) => <RegionChip key={g.id} node={g} reload={reload} />)
              : null}
          </Group>
          {node.level === 'township' && <Stack gap={4} mt={4}>{node.children.map((v) => <RegionNode key={v.id} node={v} reload={reload} />)}</Stack>}
          <form onSubmit={add}>
            <Group gap="xs" mt={4} align="flex-start">
              <TextInput size="xs" placeholder={`新增${childLabel}名称`} value={name} onChange={(e) => setName(e.currentTarget.value)} required
                aria-label={`新增${childLabel}名称`} error={err('name') ?? err('')} />
              <Button size="xs" type="submit" variant="light">新增{childLabel}</Button>
            </Group>
          </form>
        </>
      )}
    </Card>
  );
}

function RegionChip({ node, reload }: { node: Node; reload: () => void }) {
  const remove = async () => {
    if (window.confirm(`删除“${node.name}”？`) && (await attempt(() => call('regions.remove', { id: node.id }), '已删除'))) reload();
  };
  return <Button size="compact-xs" variant="default" onClick={remove} title="点击删除（有户档案时不能删除）">{node.name}</Button>;
}
