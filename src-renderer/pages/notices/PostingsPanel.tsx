import { useState } from 'react';
import { Badge, Button, Card, Group, Pagination, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { call, openOutbox, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt, notifyOk } from '../../lib/notify';
import { navigate } from '../../lib/router';
import { canWrite, useUser } from '../../lib/user';
import { formatDate, formatYuan } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { KINDS } from './PrintPanel';
import { DateField } from '../../components/DateField';
import { useFieldErrors } from '../../lib/fieldErrors';

const PAGE = 20;

function status(p: { periodEnd: string | null; closedAt: string | null; openObjections: number }) {
  if (p.closedAt) return <Badge color="gray">已结束</Badge>;
  if (p.openObjections > 0) return <Badge color="red">有异议待处理</Badge>;
  return <Badge color="blue">{p.periodEnd ? '公示中' : '长期'}</Badge>;
}

/** Every posting, newest first, paged in main. */
export function PostingsPanel() {
  const [kind, setKind] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const { data, error, loading } = useCall('notices.postings', { kind: (kind ?? undefined) as never, page, pageSize: PAGE });
  if (error) return <ErrorAlert error={error} />;
  return (
    <Stack>
      <Select label="公示类型" placeholder="全部" clearable data={[...KINDS]} value={kind} onChange={(v) => { setKind(v); setPage(1); }} maw={200} />
      {loading || !data ? <Loading /> : data.total === 0 ? <Text c="dimmed">还没有张贴记录。打印公示后可登记张贴。</Text> : (
        <>
          <Table striped highlightOnHover>
            <Table.Thead><Table.Tr><Table.Th>类型</Table.Th><Table.Th>范围</Table.Th><Table.Th>公示期</Table.Th><Table.Th>张贴地点</Table.Th>
              <Table.Th>户数</Table.Th><Table.Th>异议</Table.Th><Table.Th>状态</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.rows.map((p) => (
                <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/notices/postings/${p.id}`)}>
                  <Table.Td><a href={`#/notices/postings/${p.id}`}>{p.kind}</a></Table.Td>
                  <Table.Td>{p.villageName ?? '全部村'}{p.groupName ?? ''}</Table.Td>
                  <Table.Td>{formatDate(p.periodStart)}{p.periodEnd ? ` 至 ${formatDate(p.periodEnd)}` : ' 起'}</Table.Td>
                  <Table.Td>{p.place}</Table.Td><Table.Td>{p.households}</Table.Td><Table.Td>{p.objections}</Table.Td><Table.Td>{status(p)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pagination total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}

type Detail = Out<'notices.posting'>;

/** One posting: what it listed, its photo, objections and how they were handled, and closing the period. */
export function PostingDetail({ id }: { id: number }) {
  const user = useUser();
  const { data, error, loading, reload } = useCall('notices.posting', { id });
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  const p = data.posting;
  const writable = canWrite(user) && !p.closedAt;
  return (
    <Stack>
      <Group><Button variant="subtle" onClick={() => navigate('/notices/postings')}>← 返回张贴记录</Button>{status(p)}</Group>
      <Card withBorder>
        <Text fw={600}>{p.kind} · {p.villageName ?? '全部村'}{p.groupName ?? ''}</Text>
        <Text size="sm">公示期：{formatDate(p.periodStart)}{p.periodEnd ? ` 至 ${formatDate(p.periodEnd)}` : ' 起（长期）'}；张贴：{formatDate(p.postedAt)}，{p.place}；登记人：{p.createdBy}</Text>
        <Group mt="xs">
          {p.printedFile && <Button size="xs" variant="light" onClick={() => void openOutbox(p.printedFile!)}>打开公示PDF</Button>}
          {p.photoName && <Button size="xs" variant="light" onClick={() => attempt(async () => openOutbox((await call('notices.photo', { id })).outboxName))}>查看张贴照片</Button>}
        </Group>
        {p.closedAt && <Text size="sm" mt="xs">已于{formatDate(p.closedAt)}结束：{p.closedNote}</Text>}
      </Card>
      <Objections data={data} writable={writable} reload={reload} />
      {writable && <ClosePosting id={id} reload={reload} />}
      <Card withBorder>
        <Text fw={600} mb="xs">公示名单（张贴时快照，共{data.items.length}户）</Text>
        <Table fz="sm"><Table.Thead><Table.Tr><Table.Th>户主姓名</Table.Th><Table.Th>家庭人口</Table.Th><Table.Th>保障人口</Table.Th><Table.Th>月保障金额</Table.Th><Table.Th>类别</Table.Th><Table.Th>村/组</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{data.items.slice(0, 200).map((i: any) => (
            <Table.Tr key={i.householdId}><Table.Td>{i.headName}</Table.Td><Table.Td>{i.familySize}</Table.Td><Table.Td>{i.coveredSize}</Table.Td>
              <Table.Td>{formatYuan(i.amountFen)}</Table.Td><Table.Td>{i.category}</Table.Td><Table.Td>{i.place}</Table.Td></Table.Tr>))}
          </Table.Tbody></Table>
      </Card>
    </Stack>
  );
}

function Objections({ data, writable, reload }: { data: Detail; writable: boolean; reload: () => void }) {
  const [form, setForm] = useState({ householdId: null as string | null, receivedAt: '', via: '来访', complainant: '', content: '' });
  const { err, run } = useFieldErrors();
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await run(() => call('notices.addObjection', { postingId: data.posting.id, householdId: form.householdId ? Number(form.householdId) : undefined,
      receivedAt: form.receivedAt, via: form.via as '来访', complainant: form.complainant, content: form.content }), '已登记异议');
    if (ok) { setForm({ ...form, content: '', complainant: '' }); reload(); }
  };
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">异议及处理（{data.objections.length}）</Text>
      <Stack gap="xs">
        {data.objections.map((o: any) => <ObjectionRow key={o.id} o={o} writable={writable} reload={reload} />)}
        {writable && (
          <form onSubmit={add}>
            <Group align="flex-end">
              <Select label="涉及户" placeholder="不针对具体户" clearable searchable data={data.items.map((i: any) => ({ value: String(i.householdId), label: `${i.headName}（${i.place}）` }))}
                value={form.householdId} onChange={(v) => setForm({ ...form, householdId: v })} error={err('householdId')} />
              <DateField label="收到日期" required value={form.receivedAt} onChange={(v) => setForm({ ...form, receivedAt: v })} error={err('receivedAt')} />
              <Select label="方式" data={['来访', '来电', '来信', '其他']} value={form.via} onChange={(v) => setForm({ ...form, via: v ?? '来访' })} w={90} error={err('via')} />
              <TextInput label="反映人（可空）" value={form.complainant} onChange={(e) => setForm({ ...form, complainant: e.currentTarget.value })} error={err('complainant')} />
            </Group>
            <Textarea label="异议内容" required mt="xs" value={form.content} onChange={(e) => setForm({ ...form, content: e.currentTarget.value })} error={err('content')} />
            <Button type="submit" mt="xs" variant="light">登记异议</Button>
          </form>
        )}
      </Stack>
    </Card>
  );
}

function ObjectionRow({ o, writable, reload }: { o: any; writable: boolean; reload: () => void }) {
  const [handling, setHandling] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [handledAt, setHandledAt] = useState('');
  const { err, run } = useFieldErrors();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => call('notices.handleObjection', { id: o.id, handling, result: result as '属实', handledAt }), '已登记处理结果')) reload();
  };
  return (
    <Card withBorder p="xs">
      <Text size="sm">{formatDate(o.receivedAt)} {o.via}{o.complainant ? `（${o.complainant}）` : ''}{o.headName ? ` · 涉及：${o.headName}` : ''}：{o.content}</Text>
      {o.result ? <Text size="sm" c="dimmed">处理：{o.handling}；结论：{o.result}（{formatDate(o.handledAt)}，{o.handledBy}）</Text> : writable && (
        <form onSubmit={submit}>
          <Group align="flex-end">
            <TextInput label="处理方式和经过" required value={handling} onChange={(e) => setHandling(e.currentTarget.value)} style={{ flex: 1 }} error={err('handling')} />
            <Select label="核实结论" required data={['属实', '不属实', '部分属实']} value={result} onChange={setResult} w={110} error={err('result')} />
            <DateField label="处理日期" required value={handledAt} onChange={(v) => setHandledAt(v)} error={err('handledAt')} />
            <Button type="submit" variant="light">保存处理结果</Button>
          </Group>
        </form>
      )}
    </Card>
  );
}

function ClosePosting({ id, reload }: { id: number; reload: () => void }) {
  const [closedAt, setClosedAt] = useState('');
  const [note, setNote] = useState('');
  const { err, run } = useFieldErrors();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const r = await call('notices.closePosting', { id, closedAt, note });
      // A 初审公示 moves each listed case on in 审核确认; say what happened to each.
      const summary = r.cases.map((c) => `申请${c.applicationId}：${c.result}${c.reason ? `（${c.reason}）` : ''}`).join('；');
      notifyOk(summary ? `公示已结束。${summary}` : '公示已结束');
      reload();
    });
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Group align="flex-end">
        <DateField label="公示期满结束日期" required value={closedAt} onChange={(v) => setClosedAt(v)} error={err('closedAt')} />
        <TextInput label="结束说明" placeholder="如：期满无异议" value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} error={err('note')} />
        <Button type="submit">结束公示</Button>
      </Group>
    </Card>
  );
}
