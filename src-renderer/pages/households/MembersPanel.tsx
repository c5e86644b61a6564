import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { call } from '../../lib/api';
import { attempt } from '../../lib/notify';
import { formatDate, todayIso } from '../../lib/format';
import type { Detail } from './HouseholdPage';
import { opts, type Options } from './useOptions';
import { IdNumberInput } from './IdNumberInput';
import { emptyMember, MemberFacts, memberInput } from './MemberFields';
import { DateField } from '../../components/DateField';
import { useFieldErrors } from '../../lib/fieldErrors';

type Member = Detail['members'][number];

export function MembersPanel({ h, options, writable, reload }: { h: Detail; options: Options; writable: boolean; reload: () => void }) {
  const [exiting, setExiting] = useState<Member | null>(null);
  const makeHead = async (m: Member) => {
    const reason = window.prompt(`将户主变更为 ${m.name}，请填写原因`);
    if (reason && (await attempt(() => call('households.changeHead', { householdId: h.id, memberId: m.id, reason }), '已变更户主'))) reload();
  };
  return (
    <Stack>
      <Table striped withTableBorder>
        <Table.Thead><Table.Tr>{['姓名', '与户主关系', '身份证号', '性别', '年龄', '健康', '残疾', '劳动能力', '就业/就学', '电话', '状态', ''].map((x) => <Table.Th key={x}>{x}</Table.Th>)}</Table.Tr></Table.Thead>
        <Table.Tbody>
          {h.members.map((m) => (
            <Table.Tr key={m.id} style={{ opacity: m.state === '在户' ? 1 : 0.55 }}>
              <Table.Td>{m.name}{m.covered && m.state === '在户' ? '' : <Badge ml={4} size="xs" color="gray">不在保障范围</Badge>}</Table.Td>
              <Table.Td>{m.relation}</Table.Td>
              <Table.Td style={{ fontFamily: 'monospace' }}>{m.idNumber}</Table.Td>
              <Table.Td>{m.sex}</Table.Td>
              <Table.Td>{m.age}</Table.Td>
              <Table.Td>{m.health}{m.illnessType ? `（${m.illnessType}）` : ''}</Table.Td>
              <Table.Td>{m.disabilityGrade ? `${m.disabilityType}${m.disabilityGrade}级` : ''}</Table.Td>
              <Table.Td>{m.labourCapacity}</Table.Td>
              <Table.Td>{[m.employment, m.school].filter(Boolean).join('，')}</Table.Td>
              <Table.Td>{m.phone}</Table.Td>
              <Table.Td>{m.state}{m.deathDate ? ` ${formatDate(m.deathDate)}` : m.leftDate ? ` ${formatDate(m.leftDate)}` : ''}</Table.Td>
              <Table.Td>{writable && m.state === '在户' && (
                <Group gap={4} wrap="nowrap">
                  {!m.isHead && <Button size="compact-xs" variant="subtle" onClick={() => void makeHead(m)}>设为户主</Button>}
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setExiting(m)}>死亡/迁出/移出</Button>
                </Group>)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {writable && <AddMember householdId={h.id} options={options} reload={reload} />}
      <ExitModal member={exiting} options={options} close={() => setExiting(null)} done={() => { setExiting(null); reload(); }} />
    </Stack>
  );
}

function AddMember({ householdId, options, reload }: { householdId: number; options: Options; reload: () => void }) {
  const [m, setM] = useState(emptyMember());
  const [idError, setIdError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { err, run } = useFieldErrors();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    // every refused field under it at once (member.*, reason)
    if (await run(() => call('households.addMember', { householdId, member: memberInput(m), reason }), `已增加成员 ${m.name}`)) {
      setM(emptyMember()); setReason(''); reload();
    }
  };
  return (
    <Card withBorder>
      <form onSubmit={submit} aria-label="增加家庭成员">
        <Title order={5} mb="xs">增加家庭成员</Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} mb="sm">
          <TextInput label="姓名" required value={m.name} onChange={(e) => setM({ ...m, name: e.currentTarget.value })} error={err('member.name')} />
          <IdNumberInput value={m.idNumber} onChange={(v) => setM({ ...m, idNumber: v })} error={idError ?? err('member.idNumber')} onError={setIdError} />
          <Select label="与户主关系" required data={opts(options.relations.filter((r) => r !== '户主' && r !== '本人'))} value={m.relation || null}
            onChange={(v) => setM({ ...m, relation: v ?? '' })} error={err('member.relation')} />
          <TextInput label="增加原因" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err('reason')} />
        </SimpleGrid>
        <MemberFacts m={m} set={(p) => setM({ ...m, ...p })} options={options} err={(k) => err(`member.${k}`)} />
        <Button mt="sm" type="submit" disabled={!!idError}>增加成员</Button>
      </form>
    </Card>
  );
}

function ExitModal({ member, options, close, done }: { member: Member | null; options: Options; close: () => void; done: () => void }) {
  const [kind, setKind] = useState<string>('死亡');
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const { err, run } = useFieldErrors();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (member && (await run(() => call('households.exitMember', { memberId: member.id, kind: kind as '死亡', date, reason }), '已登记'))) { setReason(''); done(); }
  };
  return (
    <Modal opened={!!member} onClose={close} title={`登记 ${member?.name ?? ''} 的变动`}>
      <form onSubmit={submit}>
        <Stack>
          <Select label="变动类型" data={opts(options.exits)} value={kind} onChange={(v) => setKind(v ?? '死亡')} allowDeselect={false} error={err('kind')} />
          <DateField label="日期" required value={date} onChange={(v) => setDate(v)} error={err('date')} />
          <TextInput label="原因" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err('reason')} />
          <Button type="submit" color="red">确认登记</Button>
        </Stack>
      </form>
    </Modal>
  );
}
