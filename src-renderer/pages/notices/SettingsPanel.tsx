import { useEffect, useState } from 'react';
import { Button, Checkbox, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { useFieldErrors } from '../../lib/fieldErrors';
import { ErrorAlert, Loading } from '../../components/Status';

/** 一公布 complaint phone, issuer, 类别 column, period length, and the 套打 offset of each notice (admin). */
export function SettingsPanel() {
  const { data, error, loading, reload } = useCall('notices.settings', {});
  const docs = useCall('print.list', {});
  const [f, setF] = useState({ complaintPhone: '', issuer: '', showCategory: true, periodDays: 7 });
  const { err, run } = useFieldErrors();
  useEffect(() => { if (data) setF({ complaintPhone: data.complaintPhone, issuer: data.issuer, showCategory: data.showCategory, periodDays: data.periodDays }); }, [data]);
  if (error || docs.error) return <ErrorAlert error={error ?? docs.error} />;
  if (loading || !data || !docs.data) return <Loading />;
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => call('notices.saveSettings', f), '已保存')) void reload();
  };
  return (
    <Stack maw={520}>
      <form onSubmit={save}>
        <Stack>
          <TextInput label="监督举报电话（一公布）" description="印在每份公示上；这是公示上唯一允许出现的电话号码" value={f.complaintPhone} onChange={(e) => setF({ ...f, complaintPhone: e.currentTarget.value })} error={err('complaintPhone')} />
          <TextInput label="发布单位（盖章单位）" required value={f.issuer} onChange={(e) => setF({ ...f, issuer: e.currentTarget.value })} error={err('issuer')} />
          <Checkbox label="公示中显示“类别”列" checked={f.showCategory} onChange={(e) => setF({ ...f, showCategory: e.currentTarget.checked })} error={err('showCategory')} />
          <NumberInput label="公示天数" min={7} max={30} value={f.periodDays} onChange={(v) => setF({ ...f, periodDays: Number(v) })} error={err('periodDays')} />
          <Button type="submit" w={120}>保存</Button>
        </Stack>
      </form>
      <Text fw={600} mt="md">套打偏移（毫米，向右/向下为正）</Text>
      {docs.data.map((d) => <OffsetRow key={d.name} doc={d} reload={docs.reload} />)}
    </Stack>
  );
}

function OffsetRow({ doc, reload }: { doc: { name: string; title: string; offset: { xMm: number; yMm: number } }; reload: () => void }) {
  const [x, setX] = useState(doc.offset.xMm);
  const [y, setY] = useState(doc.offset.yMm);
  const { err, run } = useFieldErrors();
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => call('print.setOffset', { document: doc.name, xMm: x, yMm: y }), '已保存偏移')) reload();
  };
  return (
    <form onSubmit={save} style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
      <Text w={100}>{doc.title}</Text>
      <NumberInput label="水平" min={-30} max={30} step={0.5} value={x} onChange={(v) => setX(Number(v))} w={90} error={err('xMm')} />
      <NumberInput label="垂直" min={-30} max={30} step={0.5} value={y} onChange={(v) => setY(Number(v))} w={90} error={err('yMm')} />
      <Button type="submit" variant="light">保存</Button>
    </form>
  );
}
