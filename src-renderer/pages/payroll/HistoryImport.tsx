import { useState } from 'react';
import { Alert, Button, Card, FileInput, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { uploadFile, type Out } from '../../lib/api';
import { useJob } from '../../lib/useJob';
import { notifyError, notifyOk } from '../../lib/notify';
import { formatDate, formatYuan } from '../../lib/format';

type Report = Out<'payroll.importHistory'>;
/** What SheetJS reads: Excel, old Excel/WPS, LibreOffice and CSV in UTF-8 or GBK. */
const ACCEPT = '.xlsx,.xls,.et,.ods,.csv';

/**
 * 导入以前月份的发放表: choose the file → 试导入 lists every bad row (nothing is written) → 确认导入 writes all months
 * at once, each marked 导入 and locked. Main checks everything; this only shows its report.
 */
export function HistoryImport({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [inboxName, setInboxName] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [uploading, setUploading] = useState(false);
  const job = useJob('payroll.importHistory', { label: '导入进度', cancelledMessage: '已取消导入，没有写入任何月份' });
  const busy = uploading || job.busy;

  const run = async (dryRun: boolean, name = inboxName) => {
    const r = await job.run({ inboxName: name, dryRun });
    if (!r) return;
    setReport(r);
    if (r.imported) { notifyOk(`已导入 ${r.months.length} 个月的发放表`); onDone(); }
  };
  const check = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setUploading(true);
    try { const name = await uploadFile(file); setInboxName(name); setUploading(false); await run(true, name); } catch (err) { notifyError(err); setUploading(false); }
  };

  return (
    <Card withBorder aria-label="导入以前月份的发放表">
      <Stack gap="sm">
        <Title order={5}>导入以前月份的发放表</Title>
        <Text size="sm" c="dimmed">年中开始使用本系统时，导入本年已发放月份的发放表（每月一个工作表，或加“发放月份”列），本年累计才从第一个月起准确。
          须有“身份证号”和“保障金”或“发放金额”列；导入的月份标为“导入”并锁定。</Text>
        <form onSubmit={check}>
          <Group align="end">
            <FileInput label="发放表文件（.xlsx、.xls、.et、.ods、.csv）" accept={ACCEPT} required value={file} w={360}
              onChange={(f) => { setFile(f); setReport(null); }} placeholder="点击选择文件" />
            <Button type="submit" loading={busy} disabled={!file}>试导入</Button>
          </Group>
        </form>
        {job.progress}
        {report && <ReportView r={report} />}
        {report && !report.imported && report.errors === 0 && report.months.length > 0 && (
          <Group><Button onClick={() => void run(false)} loading={busy}>确认导入 {report.months.length} 个月</Button></Group>
        )}
      </Stack>
    </Card>
  );
}

function ReportView({ r }: { r: Report }) {
  return (
    <Stack gap="xs">
      {r.imported
        ? <Alert color="green" title="导入完成" role="status">{r.file}：{r.months.length} 个月已导入并锁定。</Alert>
        : r.errors > 0
          ? <Alert color="red" title={`试导入：${r.errors} 个问题，未导入任何数据`} role="alert">请在原表中改正以下各行后重新试导入。</Alert>
          : <Alert color="blue" title="试导入：没有问题" role="status">{r.file} 共 {r.lines} 行，核对下列月份合计后确认导入。</Alert>}
      {r.problems.length > 0 && (
        <ScrollArea.Autosize mah={360}>
          <Table withTableBorder fz="sm" aria-label="问题行">
            <Table.Thead><Table.Tr>{['工作表', '行', '列', '问题'].map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {r.problems.map((p, i) => (
                <Table.Tr key={i}><Table.Td>{p.sheet}</Table.Td><Table.Td>{p.row ?? ''}</Table.Td><Table.Td>{p.column}</Table.Td><Table.Td>{p.reason}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {r.months.length > 0 && (
        <Table withTableBorder fz="sm" aria-label="导入月份" maw={640}>
          <Table.Thead><Table.Tr>{['月份', '户数', '人数', '保障金', '分类施保金', '合计'].map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody>
            {r.months.map((m) => (
              <Table.Tr key={m.period}>
                <Table.Td>{formatDate(m.period)}</Table.Td><Table.Td>{m.households}</Table.Td><Table.Td>{m.persons}</Table.Td>
                <Table.Td>{formatYuan(m.baseFen)}</Table.Td><Table.Td>{formatYuan(m.topUpFen)}</Table.Td><Table.Td>{formatYuan(m.totalFen)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
