import { useState } from 'react';
import { Anchor, Button, FileInput, Group, Modal, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { call, newJobId, openOutbox, uploadFile, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatDate, formatDateTime } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { Can } from '../../lib/access';
import { DateField } from '../../components/DateField';
import { useFieldErrors } from '../../lib/fieldErrors';

const FIELDS = [['idNumber', '身份证号列'], ['name', '姓名列'], ['reason', '疑点类型列'], ['result', '核查结果列'], ['action', '处理措施列'], ['checker', '核查人列'], ['date', '核查日期列']] as const;
type Mapping = Record<(typeof FIELDS)[number][0], string | undefined>;

/** County 疑点 lists: import with a remembered column mapping, answer each hit, export the feedback. */
export function SuspectsPanel() {
  const imports = useCall('rechecks.suspects.imports', {});
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Stack>
      <Can channel="rechecks.suspects.import">
      <ImportForm onImported={(id) => { void imports.reload(); setOpen(id); }} />
      </Can>
      {imports.error && <ErrorAlert error={imports.error} />}
      <Table striped>
        <Table.Thead><Table.Tr><Table.Th>文件</Table.Th><Table.Th>县</Table.Th><Table.Th>行数</Table.Th><Table.Th>核查任务</Table.Th><Table.Th>已反馈</Table.Th><Table.Th>匹配不到</Table.Th><Table.Th>导入时间</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(imports.data ?? []).map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{i.fileName}</Table.Td><Table.Td>{i.county}</Table.Td><Table.Td>{i.rowCount}</Table.Td>
              <Table.Td>{i.tasks}</Table.Td><Table.Td>{i.answered}</Table.Td><Table.Td>{i.unmatched.length}</Table.Td>
              <Table.Td>{formatDateTime(i.importedAt)}</Table.Td>
              <Table.Td><Button size="xs" variant="light" onClick={() => setOpen(i.id)}>核查</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open != null && <Tasks importId={open} onChanged={() => void imports.reload()} />}
    </Stack>
  );
}

function ImportForm({ onImported }: { onImported: (id: number) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [inbox, setInbox] = useState<string | null>(null);
  const [preview, setPreview] = useState<Out<'rechecks.suspects.preview'> | null>(null);
  const [mapping, setMapping] = useState<Mapping>({} as Mapping);
  const [report, setReport] = useState<Out<'rechecks.suspects.import'> | null>(null);
  const load = (f: File | null) => attempt(async () => {
    setFile(f); setReport(null); setPreview(null);
    if (!f) return;
    const name = await uploadFile(f);
    const p = await call('rechecks.suspects.preview', { inboxName: name }, { jobId: newJobId() });
    setInbox(name); setPreview(p); setMapping(p.mapping as Mapping);
  });
  const run = (dryRun: boolean) => attempt(async () => {
    if (!inbox || !mapping.idNumber) return;
    const clean = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) as Mapping & { idNumber: string };
    const r = await call('rechecks.suspects.import', { inboxName: inbox, dryRun, mapping: clean }, { jobId: newJobId() });
    setReport(r);
    if (!dryRun && r.importId) onImported(r.importId);
  }, dryRun ? undefined : '已导入');
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={5}>导入县级疑点表</Title>
        <FileInput label="疑点表（.xlsx）" value={file} onChange={(f) => void load(f)} accept=".xlsx" clearable />
        {preview && (
          <>
            <Text size="sm">{preview.county}：共 {preview.rows} 行。{preview.remembered ? '已使用上次保存的列对应。' : '列对应为自动识别，请核对。'}</Text>
            <Group>
              {FIELDS.map(([key, label]) => (
                <Select key={key} label={label} data={preview.headers} value={mapping[key] ?? null} clearable={key !== 'idNumber'}
                  onChange={(v) => setMapping({ ...mapping, [key]: v ?? undefined })} w={150} />
              ))}
            </Group>
            <Group><Button variant="default" onClick={() => run(true)}>试导入（不保存）</Button><Button onClick={() => run(false)}>导入</Button></Group>
          </>
        )}
        {report && (
          <Stack gap={4}>
            <Text fw={600}>{report.dryRun ? '试导入' : '导入'}结果：{report.rows} 行，匹配到本镇成员 {report.matched} 行，匹配不到 {report.unmatched.length} 行</Text>
            {report.unmatched.map((u) => <Text key={u.row} size="sm" c="red">第 {u.row} 行 {u.name}：{u.problem}</Text>)}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

const PAGE_SIZE = 50;

function Tasks({ importId, onChanged }: { importId: number; onChanged: () => void }) {
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useCall('rechecks.suspects.tasks', { importId, page, pageSize: PAGE_SIZE });
  const [answering, setAnswering] = useState<number | null>(null);
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  const exportIt = () => attempt(async () => {
    const r = await call('rechecks.suspects.export', { importId }, { jobId: newJobId() });
    await openOutbox(r.outboxName);
  }, '已导出反馈表');
  return (
    <Paper withBorder p="md">
      <Group justify="space-between"><Title order={5}>核查任务</Title><Can channel="rechecks.suspects.export"><Button onClick={exportIt}>导出反馈表</Button></Can></Group>
      <Table striped mt="xs">
        <Table.Thead><Table.Tr><Table.Th>行</Table.Th><Table.Th>姓名</Table.Th><Table.Th>疑点</Table.Th><Table.Th>户</Table.Th><Table.Th>核查结果</Table.Th><Table.Th>处理措施</Table.Th><Table.Th>核查人</Table.Th><Table.Th>日期</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {data.rows.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.rowNo}</Table.Td><Table.Td>{t.name}</Table.Td><Table.Td>{t.suspectReason}</Table.Td>
              <Table.Td><Anchor href={`#/households/${t.householdId}`}>{t.village} {t.headName}</Anchor></Table.Td>
              <Table.Td>{t.result ?? ''}</Table.Td><Table.Td>{t.action}</Table.Td><Table.Td>{t.checker}</Table.Td><Table.Td>{formatDate(t.checkDate)}</Table.Td>
              <Table.Td><Can channel="rechecks.suspects.answer"><Button size="xs" variant="light" onClick={() => setAnswering(t.id)}>反馈</Button></Can></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data.total > PAGE_SIZE && <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} />}
      {answering != null && <AnswerModal taskId={answering} onClose={() => setAnswering(null)} onSaved={() => { setAnswering(null); void reload(); onChanged(); }} />}
    </Paper>
  );
}

function AnswerModal({ taskId, onClose, onSaved }: { taskId: number; onClose: () => void; onSaved: () => void }) {
  const [f, setF] = useState({ result: '属实' as '属实' | '不属实' | '部分属实', action: '', checker: '', checkDate: '' });
  const { err, run } = useFieldErrors();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => call('rechecks.suspects.answer', { taskId, ...f }), '已登记')) onSaved();
  };
  return (
    <Modal opened onClose={onClose} title="登记疑点核查结果">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Select label="核查结果" data={['属实', '不属实', '部分属实']} value={f.result} onChange={(v) => setF({ ...f, result: (v ?? '属实') as typeof f.result })} allowDeselect={false} error={err('result')} />
          <TextInput label="处理措施" value={f.action} onChange={(e) => setF({ ...f, action: e.currentTarget.value })} error={err('action')} />
          <TextInput label="核查人" value={f.checker} onChange={(e) => setF({ ...f, checker: e.currentTarget.value })} required error={err('checker')} />
          <DateField label="核查日期" value={f.checkDate} onChange={(v) => setF({ ...f, checkDate: v })} required error={err('checkDate')} />
          <Group><Button type="submit">保存</Button></Group>
        </Stack>
      </form>
    </Modal>
  );
}
