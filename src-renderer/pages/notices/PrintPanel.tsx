import { useMemo, useState } from 'react';
import { todayIso } from '../../lib/format';
import { Button, Card, FileInput, Group, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { call, uploadFile, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { PrintButton, type Printed } from '../../components/PrintButton';
import { DateField, MonthField } from '../../components/DateField';
import { useFieldErrors } from '../../lib/fieldErrors';

export const KINDS = ['初审公示', '确认公布', '长期公示', '停保公示'] as const;
type Kind = (typeof KINDS)[number];
type Tree = Out<'regions.tree'>;


/** Choose a notice, its scope and period; preview who it lists; print; then record that it was posted. */
export function PrintPanel() {
  const tree = useCall('regions.tree', {});
  const settings = useCall('notices.settings', {});
  if (tree.error || settings.error) return <ErrorAlert error={tree.error ?? settings.error} />;
  if (!tree.data || !settings.data) return <Loading />;
  return <PrintForm tree={tree.data} documents={settings.data.documents} />;
}

function PrintForm({ tree, documents }: { tree: Tree; documents: Record<Kind, string> }) {
  const user = useUser();
  const [kind, setKind] = useState<Kind>('长期公示');
  const [villageId, setVillageId] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [date, setDate] = useState(todayIso());
  const [range, setRange] = useState({ fromMonth: '', toMonth: '', fromDate: '', toDate: '' });
  const [printed, setPrinted] = useState<Printed | null>(null);

  const villages = tree.flatMap((t) => t.children);
  const groups = villages.find((v) => String(v.id) === villageId)?.children ?? [];
  const args = useMemo(() => {
    const a: Record<string, unknown> = { date };
    if (villageId) a.villageId = Number(villageId);
    if (groupId) a.groupId = Number(groupId);
    if (kind === '确认公布') { if (range.fromMonth) a.fromMonth = range.fromMonth; if (range.toMonth) a.toMonth = range.toMonth; }
    if (kind === '停保公示') { if (range.fromDate) a.fromDate = range.fromDate; if (range.toDate) a.toDate = range.toDate; }
    return a;
  }, [kind, villageId, groupId, date, range]);
  const preview = useCall('notices.preview', { kind, ...args } as never);
  const total = preview.data?.reduce((n, v) => n + v.households, 0) ?? 0;

  return (
    <Stack maw={820}>
      <SegmentedControl data={[...KINDS]} value={kind} onChange={(v) => { setKind(v as Kind); setPrinted(null); }} aria-label="公示类型" />
      <Group align="flex-end">
        <Select label="村/居" placeholder="全部村（每村单独成页）" clearable data={villages.map((v) => ({ value: String(v.id), label: v.name }))}
          value={villageId} onChange={(v) => { setVillageId(v); setGroupId(null); }} />
        <Select label="组" placeholder="全组" clearable disabled={!villageId} data={groups.map((g) => ({ value: String(g.id), label: g.name }))}
          value={groupId} onChange={setGroupId} />
        <DateField label={kind === '长期公示' ? '公示日期' : '公示开始日期'} value={date} onChange={(v) => setDate(v)} />
      </Group>
      {kind === '确认公布' && (
        <Group align="flex-end">
          <MonthField label="起始保障年月 从" value={range.fromMonth} onChange={(v) => setRange({ ...range, fromMonth: v })} />
          <MonthField label="到" value={range.toMonth} onChange={(v) => setRange({ ...range, toMonth: v })} />
          <Text size="sm" c="dimmed">不填：上月至下月起保的家庭</Text>
        </Group>
      )}
      {kind === '停保公示' && (
        <Group align="flex-end">
          <DateField label="停保日期 从" value={range.fromDate} onChange={(v) => setRange({ ...range, fromDate: v })} />
          <DateField label="到" value={range.toDate} onChange={(v) => setRange({ ...range, toDate: v })} />
          <Text size="sm" c="dimmed">不填：公示日前30天内停保的家庭</Text>
        </Group>
      )}
      <Card withBorder>
        {preview.error ? <ErrorAlert error={preview.error} /> : preview.loading ? <Loading label="正在统计名单…" /> : (
          <Stack gap="xs">
            <Text fw={600}>将列出 {total} 户</Text>
            {(preview.data?.length ?? 0) > 0 && (
              <Table withTableBorder={false} fz="sm">
                <Table.Tbody>
                  {preview.data!.map((v) => <Table.Tr key={v.villageId}><Table.Td>{v.villageName}</Table.Td><Table.Td>{v.households} 户</Table.Td></Table.Tr>)}
                </Table.Tbody>
              </Table>
            )}
            <Text size="sm" c="dimmed">公示只列户主姓名、家庭人口、保障人口、金额、类别和村组；未成年户主不具名；含身份证号、电话、银行账号样式的内容会被拒绝生成。</Text>
          </Stack>
        )}
      </Card>
      <PrintButton document={documents[kind]} args={args} label={`生成${kind}PDF`} onPrinted={setPrinted} />
      {printed && canWrite(user) && <RecordPosting kind={kind} args={args} printedFile={printed.outboxName} />}
    </Stack>
  );
}

/** After printing: where and when it was posted, with a photo of the board. */
function RecordPosting({ kind, args, printedFile }: { kind: Kind; args: Record<string, unknown>; printedFile: string }) {
  const [place, setPlace] = useState('村务公开栏');
  const [postedAt, setPostedAt] = useState(String(args.date));
  const [photo, setPhoto] = useState<File | null>(null);
  const [done, setDone] = useState(false);
  const { err, run } = useFieldErrors();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await run(async () => {
      const photoName = photo ? await uploadFile(photo) : undefined;
      const { date, ...scope } = args;
      await call('notices.recordPosting', { kind, ...scope, periodStart: String(date), postedAt, place, photo: photoName, printedFile } as never);
    }, '已登记张贴');
    if (ok) setDone(true);
  };
  if (done) return <Text c="green">已登记张贴，可在“张贴记录”中登记异议和期满结束。</Text>;
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Text fw={600} mb="xs">登记张贴</Text>
      <Group align="flex-end">
        <TextInput label="张贴地点" required value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={err('place')} />
        <DateField label="张贴日期" required value={postedAt} onChange={(v) => setPostedAt(v)} error={err('postedAt') ?? err('periodStart')} />
        <FileInput label="公示栏照片" placeholder="选择照片（JPG/PNG）" accept="image/jpeg,image/png" clearable value={photo} onChange={setPhoto} error={err('photo')} />
        <Button type="submit" variant="light">登记张贴</Button>
      </Group>
    </Card>
  );
}
