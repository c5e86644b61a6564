import { useState } from 'react';
import { Button, Card, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { call, type In } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { navigate } from '../../lib/router';
import { Loading } from '../../components/Status';
import { opts, useOptions } from './useOptions';
import { IdNumberInput } from './IdNumberInput';
import { emptyMember, MemberFacts, memberInput } from './MemberFields';
import { useFieldErrors } from '../../lib/fieldErrors';

type Facts = In<'households.create'>['facts'];

/** New household: facts and its head (the other members are added on the household page). */
export function NewHousehold() {
  const options = useOptions();
  const tree = useCall('regions.tree', {}).data;
  const [f, setF] = useState<Partial<Facts>>({ status: '申请中', causes: [] });
  const [head, setHead] = useState(emptyMember('户主'));
  const [idError, setIdError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { err, run } = useFieldErrors();
  if (!options || !tree) return <Loading />;
  const villages = tree[0]?.children ?? [];
  const groups = villages.find((v) => v.id === f.villageId)?.children ?? [];
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    let id = 0;
    // every refused field is shown under it at once (facts.* and head.*), the whole message once as a notification
    const ok = await run(async () => {
      const { relation: _r, ...h } = memberInput(head);
      id = (await call('households.create', { facts: f as Facts, head: h })).id;
    }, '已建立户档案');
    setBusy(false);
    if (ok) navigate(`/households/${id}`);
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Title order={3}>新建户档案</Title>
        <Card withBorder>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Select label="保障类别" required data={opts(options.categories)} value={f.category ?? null} onChange={(v) => setF({ ...f, category: (v ?? undefined) as Facts['category'] })} error={err('facts.category')} />
            <Select label="状态" data={opts(options.statuses)} value={f.status ?? '申请中'} allowDeselect={false} onChange={(v) => setF({ ...f, status: v as Facts['status'] })} error={err('facts.status')} />
            <Select label="村/居" required searchable data={villages.map((v) => ({ value: String(v.id), label: v.name }))} value={f.villageId ? String(f.villageId) : null}
              onChange={(v) => setF({ ...f, villageId: v ? Number(v) : undefined, groupId: null })} error={err('facts.villageId')} />
            <Select label="组" clearable data={groups.map((g) => ({ value: String(g.id), label: g.name }))} value={f.groupId ? String(f.groupId) : null}
              onChange={(v) => setF({ ...f, groupId: v ? Number(v) : null })} error={err('facts.groupId')} />
            <TextInput label="住址" value={f.address ?? ''} onChange={(e) => setF({ ...f, address: e.currentTarget.value })} error={err('facts.address')} />
            <MultiSelect label="致贫原因" data={opts(options.causes)} value={f.causes ?? []} onChange={(v) => setF({ ...f, causes: v as Facts['causes'] })} error={err('facts.causes')} />
            <TextInput label="开户银行" value={f.bankName ?? ''} onChange={(e) => setF({ ...f, bankName: e.currentTarget.value })} error={err('facts.bankName')} />
            <TextInput label="银行账号" value={f.bankAccount ?? ''} onChange={(e) => setF({ ...f, bankAccount: e.currentTarget.value })} error={err('facts.bankAccount')} />
            <Checkbox mt="lg" label="低保边缘家庭" checked={!!f.edgeFamily} onChange={(e) => setF({ ...f, edgeFamily: e.currentTarget.checked })} />
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">户主</Title>
          <SimpleGrid cols={{ base: 2, md: 4 }} mb="sm">
            <TextInput label="户主姓名" required value={head.name} onChange={(e) => setHead({ ...head, name: e.currentTarget.value })} error={err('head.name')} />
            <IdNumberInput value={head.idNumber} onChange={(v) => setHead({ ...head, idNumber: v })} error={idError ?? err('head.idNumber')} onError={setIdError} />
          </SimpleGrid>
          <MemberFacts m={head} set={(p) => setHead({ ...head, ...p })} options={options} err={(k) => err(`head.${k}`)} />
        </Card>
        <Group><Button type="submit" loading={busy} disabled={!!idError}>保存户档案</Button>
          <Button variant="default" onClick={() => navigate('/households')}>返回列表</Button></Group>
      </Stack>
    </form>
  );
}
