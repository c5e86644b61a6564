import { useState } from 'react';
import { Alert, Badge, Button, Card, FileInput, Group, ScrollArea, Select, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { uploadFile, type In, type Out } from '../../lib/api';
import { useJob } from '../../lib/useJob';
import { navigate } from '../../lib/router';
import { notifyError } from '../../lib/notify';
import { formatDate, formatYuan } from '../../lib/format';
import { opts, useOptions } from './useOptions';

type Report = Out<'households.importRoster'>;
type Category = NonNullable<In<'households.importRoster'>['defaultCategory']>;
type Places = NonNullable<In<'households.importRoster'>['places']>;
/** The formats the import reads (SheetJS): Excel, old Excel/WPS, LibreOffice and CSV in UTF-8 or GBK. */
const ACCEPT = '.xlsx,.xls,.et,.ods,.csv';

/** Upload → dry-run report → (optional) column mapping → all-or-nothing import with progress. */
export function RosterImport() {
  const options = useOptions();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [inboxName, setInboxName] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [places, setPlaces] = useState<Places>({});
  const [report, setReport] = useState<Report | null>(null);
  const [uploading, setUploading] = useState(false);
  const job = useJob('households.importRoster', { label: '导入进度', cancelledMessage: '已取消导入，没有写入任何数据' });
  const busy = uploading || job.busy;

  /** The clerk's mapping and place choices apply from the next run; a fresh upload starts without them. */
  const run = async (dryRun: boolean, name = inboxName, choices = { mapping, places }) => {
    const r = await job.run({ inboxName: name, dryRun, mapping: Object.keys(choices.mapping).length ? choices.mapping : undefined,
      defaultCategory: (category ?? undefined) as Category | undefined, places: Object.keys(choices.places).length ? choices.places : undefined });
    if (!r) return;
    setReport(r);
    setStep(dryRun ? 1 : 3);
  };
  const start = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setUploading(true);
    let name: string;
    try { name = await uploadFile(file); } catch (err) { notifyError(err); return; } finally { setUploading(false); }
    setInboxName(name); setMapping({}); setPlaces({});
    await run(true, name, { mapping: {}, places: {} });
  };

  return (
    <Stack>
      <Group><Button variant="subtle" onClick={() => navigate('/households')}>← 户档案列表</Button><Title order={3}>导入花名册</Title></Group>
      <Stepper active={step} onStepClick={(s) => { if (s < step && step !== 3) setStep(s); }}>
        <Stepper.Step label="选择文件">
          <form onSubmit={start}>
            <Stack maw={480}>
              <FileInput label="花名册文件（.xlsx、.xls、.et、.ods、.csv）" accept={ACCEPT} required value={file} onChange={setFile} placeholder="点击选择文件" />
              <Select label="默认保障类别（表中无“保障类别”列时使用）" clearable data={opts(options?.categories ?? [])} value={category} onChange={setCategory} />
              <Text size="sm" c="dimmed">先试导入：检查每一行并列出全部问题，不写入任何数据。</Text>
              <Button type="submit" loading={busy} disabled={!file}>试导入</Button>
            </Stack>
          </form>
        </Stepper.Step>
        <Stepper.Step label="试导入报告">{report && <ReportView r={report} places={places} setPlaces={setPlaces} />}</Stepper.Step>
        <Stepper.Step label="列对应">{report && <MappingView r={report} mapping={mapping} setMapping={setMapping} />}</Stepper.Step>
        <Stepper.Step label="导入">{report && <Done r={report} />}</Stepper.Step>
      </Stepper>
      {job.progress}
      {step === 1 && report && (
        <Group>
          <Button onClick={() => void run(false)} loading={busy}
            disabled={report.errors > 0 || report.households.new === 0 || report.choices.some((c) => !places[c.key])}>
            正式导入 {report.households.new} 户 {report.members.new} 人
          </Button>
          <Button variant="default" onClick={() => setStep(2)}>调整列对应</Button>
          <Button variant="subtle" onClick={() => setStep(0)}>重新选择文件</Button>
        </Group>)}
      {step === 2 && <Group><Button onClick={() => void run(true)} loading={busy}>按此对应重新试导入</Button></Group>}
    </Stack>
  );
}

const sheetLine = (s: Report['sheets'][number]) => s.headerRow === null ? `“${s.name}”未找到表头`
  : `“${s.name}”${s.level === 'household' ? '（户级，每户一行）' : ''}表头在第 ${s.headerRows === 2 ? `${s.headerRow}–${s.headerRow + 1}` : s.headerRow} 行，`
    + `数据 ${s.dataRows} 行（跳过空行 ${s.blankRows}、合计行 ${s.totalRows}、非数据行 ${s.noteRows}）`;

function ReportView({ r, places, setPlaces }: { r: Report; places: Places; setPlaces: (p: Places) => void }) {
  return (
    <Stack>
      {r.errors > 0
        ? <Alert color="red" title={`发现 ${r.errors} 个错误，需修改文件后重新试导入`}>有错误时不会导入任何数据（整批导入，要么全部成功，要么全部不写入）。</Alert>
        : <Alert color="green" title="没有错误">可导入 {r.households.new} 户 {r.members.new} 人；已建档的 {r.households.existing} 户不会重复导入。</Alert>}
      <Text size="sm">文件：{r.file}；{r.sheets.map(sheetLine).join('；')}</Text>
      {r.choices.length > 0 && <PlaceChoicesView r={r} places={places} setPlaces={setPlaces} />}
      <Text size="sm">可导入 {r.households.new} 户 {r.members.new} 人；已建档 {r.households.existing} 户</Text>
      {r.newVillages.length > 0 && <Text size="sm">将新建村/居：{r.newVillages.join('、')}</Text>}
      {r.newGroups.length > 0 && <Text size="sm">将新建组：{r.newGroups.join('、')}</Text>}
      {r.problems.length > 0 && (
        <Card withBorder p={0}>
          <ScrollArea h={260}>
            <Table striped stickyHeader aria-label="问题清单">
              <Table.Thead><Table.Tr><Table.Th>级别</Table.Th><Table.Th>工作表</Table.Th><Table.Th>行</Table.Th><Table.Th>列</Table.Th><Table.Th>原因</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{r.problems.map((p, i) => (
                <Table.Tr key={i}><Table.Td><Badge size="sm" color={p.level === 'error' ? 'red' : 'yellow'}>{p.level === 'error' ? '错误' : '提示'}</Badge></Table.Td>
                  <Table.Td>{p.sheet}</Table.Td><Table.Td>{p.row ?? ''}</Table.Td><Table.Td>{p.column}</Table.Td><Table.Td>{p.reason}</Table.Td></Table.Tr>))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Card>)}
      {r.skipped.length > 0 && (
        <Card withBorder p={0}>
          <Text size="sm" fw={600} p="xs">已跳过的非数据行（{r.skipped.length}）</Text>
          <ScrollArea.Autosize mah={160}>
            <Table aria-label="已跳过的非数据行">
              <Table.Thead><Table.Tr><Table.Th>工作表</Table.Th><Table.Th>行</Table.Th><Table.Th>内容</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{r.skipped.map((x) => (
                <Table.Tr key={`${x.sheet}-${x.row}`}><Table.Td>{x.sheet}</Table.Td><Table.Td>{x.row}</Table.Td><Table.Td>{x.text}</Table.Td></Table.Tr>))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Card>)}
      {r.preview.length > 0 && (
        <Table withTableBorder aria-label="导入预览">
          <Table.Thead><Table.Tr>{['户主', '村/组', '类别', '人数', '月保障金', '起始年月'].map((x) => <Table.Th key={x}>{x}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody>{r.preview.map((p, i) => (
            <Table.Tr key={i}><Table.Td>{p.headName}</Table.Td><Table.Td>{p.village}{p.group}</Table.Td><Table.Td>{p.category}</Table.Td>
              <Table.Td>{p.members}</Table.Td><Table.Td>{formatYuan(p.monthlyFen)}</Table.Td><Table.Td>{formatDate(p.startMonth)}</Table.Td></Table.Tr>))}
          </Table.Tbody>
        </Table>)}
    </Stack>
  );
}

/** 村/组 names close to existing ones: the clerk says, for each, which existing place it is or that it is new. */
function PlaceChoicesView({ r, places, setPlaces }: { r: Report; places: Places; setPlaces: (p: Places) => void }) {
  const pending = r.choices.filter((c) => !places[c.key]).length;
  return (
    <Alert color={pending ? 'orange' : 'blue'} title={pending ? `有 ${pending} 个村/组名称与已有的相近，请逐一确认后再导入` : '村/组名称已确认'}>
      <Table aria-label="村组名称确认">
        <Table.Thead><Table.Tr><Table.Th>表中名称</Table.Th><Table.Th>涉及</Table.Th><Table.Th>确认为</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>{r.choices.map((c) => {
          const value = places[c.key] ? ('use' in places[c.key] ? `use:${(places[c.key] as { use: string }).use}` : 'create') : null;
          const what = c.kind === 'village' ? '村/居' : `${c.village}的组`;
          return (
            <Table.Tr key={c.key}>
              <Table.Td>{what}“{c.name}”（相近：{c.candidates.join('、')}）</Table.Td>
              <Table.Td>{c.households} 户，首见“{c.firstRow.sheet}”第 {c.firstRow.row} 行</Table.Td>
              <Table.Td><Select aria-label={`“${c.name}”确认为`} placeholder="请选择" value={value} allowDeselect={false}
                data={[...c.candidates.map((n) => ({ value: `use:${n}`, label: `就是已有的“${n}”` })), { value: 'create', label: `新建“${c.name}”` }]}
                onChange={(v) => v && setPlaces({ ...places, [c.key]: v === 'create' ? { create: true } : { use: v.slice(4) } })} /></Table.Td>
            </Table.Tr>);
        })}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}

function MappingView({ r, mapping, setMapping }: { r: Report; mapping: Record<string, string>; setMapping: (m: Record<string, string>) => void }) {
  const fields = [{ value: '', label: '（不导入）' }, ...r.fields.filter((f) => f.value !== 'ignore')];
  const columns = r.sheets.flatMap((s) => s.columns.filter((c) => c.header).map((c) => ({ ...c, sheet: s.name })));
  if (!columns.length) return <Alert color="yellow">没有识别到表头。请确认表头行含“姓名/户主姓名”和“身份证号”，或在文件中把表头改为常用名称。</Alert>;
  return (
    <Table withTableBorder aria-label="列对应">
      <Table.Thead><Table.Tr><Table.Th>工作表</Table.Th><Table.Th>列</Table.Th><Table.Th>表头</Table.Th><Table.Th>对应到</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>{columns.map((c) => (
        <Table.Tr key={`${c.sheet}-${c.column}`}>
          <Table.Td>{c.sheet}</Table.Td><Table.Td>{c.column}</Table.Td><Table.Td>{c.header}</Table.Td>
          <Table.Td><Select aria-label={`“${c.header}”对应到`} data={fields} value={mapping[c.header] ?? (c.field && c.field !== 'ignore' ? c.field : '')}
            onChange={(v) => setMapping({ ...mapping, [c.header]: v ?? '' })} allowDeselect={false} /></Table.Td>
        </Table.Tr>))}
      </Table.Tbody>
    </Table>
  );
}

function Done({ r }: { r: Report }) {
  if (!r.imported) return <Alert color="yellow">未导入：{r.errors > 0 ? `有 ${r.errors} 个错误` : '没有需要导入的新户'}。</Alert>;
  const w = (r as Report & { written?: { households: number; members: number; createdVillages: string[]; createdGroups: string[] } }).written;
  return (
    <Alert color="green" title="导入完成">
      已导入 {w?.households} 户 {w?.members} 人{w?.createdVillages.length ? `；新建村/居：${w.createdVillages.join('、')}` : ''}{w?.createdGroups.length ? `；新建组：${w.createdGroups.join('、')}` : ''}。
      <Button ml="md" size="xs" onClick={() => navigate('/households')}>查看户档案</Button>
    </Alert>
  );
}
