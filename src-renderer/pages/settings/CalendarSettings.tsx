import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, List, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { ApiError, call, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { notifyOk } from '../../lib/notify';
import { WriteArea, useCan } from '../../lib/access';
import { formatDate } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';

type Parsed = Out<'calendar.parseNotice'>;
const SOURCE_COLOR: Record<string, string> = { 内置: 'green', 已录入: 'blue', 未录入: 'yellow' };

/**
 * 节假日日历: one year at a time, opened with the dates deadlines are counted on now (a shipped year shows its
 * shipped dates, so saving one changed line keeps the rest). Main checks every line and refuses with line numbers;
 * the State Council notice can be pasted and read into the boxes for the clerk to confirm before saving.
 */
export function CalendarSettings() {
  const { data, error, loading, reload } = useCall('calendar.years', {});
  // gate by the permission main checks (calendar.setYear), not by a role name: 只读 sees the dates read-only
  const canEdit = useCan('calendar.setYear');
  const [year, setYear] = useState<string | null>(null);
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState('');
  const [parsed, setParsed] = useState<Parsed | null>(null);
  /** Lines read from a notice for another year: applied once that year's row is shown. */
  const fill = useRef<{ year: number; holidays: string[]; workdays: string[] } | null>(null);
  const row = data?.years.find((y) => String(y.year) === year);
  useEffect(() => {
    if (data && !year) setYear(String(data.missing[0] ?? new Date().getFullYear()));
  }, [data, year]);
  useEffect(() => {
    const f = fill.current && String(fill.current.year) === year ? fill.current : null;
    fill.current = null;
    setHolidays(((f ?? row)?.holidays ?? []).join('\n'));
    setWorkdays(((f ?? row)?.workdays ?? []).join('\n'));
    setErrors([]);
    if (!f) setParsed(null);
  }, [row, year]);
  if (error) return <ErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const lines = (s: string) => s.split('\n').map((l) => l.trim());
  const fail = (e: unknown) => setErrors(e instanceof ApiError
    ? ((e.details as { message: string }[] | undefined)?.map((d) => d.message) ?? [e.message]) : [String(e)]);
  const save = async () => {
    try {
      await call('calendar.setYear', { year: Number(year), holidays: lines(holidays), workdays: lines(workdays) });
      setErrors([]); notifyOk(`已保存 ${year} 年节假日安排`); void reload();
    } catch (e) { fail(e); }
  };
  const reset = async () => {
    try { await call('calendar.resetYear', { year: Number(year) }); notifyOk(row?.shipped ? `${year} 年已恢复为内置日期` : `已删除 ${year} 年`); void reload(); } catch (e) { fail(e); }
  };
  const read = async () => {
    try { setParsed(await call('calendar.parseNotice', { text: notice, year: year ? Number(year) : undefined })); } catch (e) { fail(e); }
  };
  return (
    <Stack maw={760}>
      <Table withTableBorder w="auto">
        <Table.Thead><Table.Tr><Table.Th>年度</Table.Th><Table.Th>来源</Table.Th><Table.Th>节假日</Table.Th><Table.Th>调休上班</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {data.years.map((y) => (
            <Table.Tr key={y.year} onClick={() => setYear(String(y.year))} style={{ cursor: 'pointer' }}>
              <Table.Td>{y.year} 年</Table.Td>
              <Table.Td><Badge color={SOURCE_COLOR[y.source]} variant="light">{y.source}</Badge>{y.problems.length > 0 && <Badge color="red" ml={4}>已存日历有误</Badge>}</Table.Td>
              <Table.Td>{y.holidays.length} 行</Table.Td><Table.Td>{y.workdays.length} 行</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">内置：2024、2025、2026 年，按国务院办公厅当年《部分节假日安排的通知》逐日核对。其他年份请录入；未录入年份的期限只按周一至周五计算，显示“未核定”。</Text>
      <Select label="年度" w={160} value={year} onChange={setYear} searchable
        data={[...new Set([...data.years.map((y) => String(y.year)), ...Array.from({ length: 8 }, (_, i) => String(new Date().getFullYear() - 4 + i))])].sort()} />
      {row?.problems.length ? <Alert color="red" title="已存的日历有误，未采用">{row.problems.join('；')}</Alert> : null}
      <WriteArea channel="calendar.setYear" what="修改节假日日历">
      <Group align="flex-start" grow>
        <Textarea label="法定节假日（每行一个日期或 起..止，如 2027-10-01..2027-10-07）" autosize minRows={8} value={holidays}
          onChange={(e) => setHolidays(e.currentTarget.value)} readOnly={!canEdit} />
        <Textarea label="调休上班日（每行一个周六或周日）" autosize minRows={8} value={workdays}
          onChange={(e) => setWorkdays(e.currentTarget.value)} readOnly={!canEdit} />
      </Group>
      {errors.length > 0 && (
        <Alert color="red" title="未保存：以下各行有误" data-testid="calendar-errors"><List size="sm">{errors.map((e) => <List.Item key={e}>{e}</List.Item>)}</List></Alert>
      )}
      {canEdit && (
        <>
          <Group>
            <Button onClick={save}>保存 {year} 年</Button>
            {row?.saved && <Button variant="default" onClick={reset}>{row.shipped ? '恢复内置日期' : '删除录入'}</Button>}
          </Group>
          <Textarea label="粘贴国务院办公厅关于X年部分节假日安排的通知（正文）" autosize minRows={3} maxRows={10} value={notice}
            onChange={(e) => setNotice(e.currentTarget.value)} />
          <Group><Button variant="light" onClick={read} disabled={!notice.trim()}>识别通知</Button></Group>
        </>
      )}
      </WriteArea>
      {parsed && <NoticePreview parsed={parsed} onUse={() => {
        if (String(parsed.year) === year) { setHolidays(parsed.holidays.join('\n')); setWorkdays(parsed.workdays.join('\n')); return; }
        fill.current = { year: parsed.year!, holidays: parsed.holidays, workdays: parsed.workdays };
        setYear(String(parsed.year));
      }} />}
    </Stack>
  );
}

/** '2027-10-01..2027-10-07' → 2027年10月1日至2027年10月7日 (the preview is read by a person; the boxes keep ISO). */
const span = (e: string) => e.split('..').map(formatDate).join('至');

function NoticePreview({ parsed, onUse }: { parsed: Parsed; onUse: () => void }) {
  return (
    <Alert color={parsed.problems.length ? 'orange' : 'blue'} title={`识别结果${parsed.year ? `（${parsed.year} 年）` : ''}：请逐项核对后填入`} data-testid="notice-preview">
      <Table>
        <Table.Thead><Table.Tr><Table.Th>节日</Table.Th><Table.Th>放假</Table.Th><Table.Th>调休上班</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {parsed.festivals.map((f) => (
            <Table.Tr key={f.name}><Table.Td>{f.name}</Table.Td><Table.Td>{f.holidays.map(span).join('、')}</Table.Td><Table.Td>{f.workdays.map(span).join('、')}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {parsed.problems.length > 0 && <List size="sm" c="red">{parsed.problems.map((p) => <List.Item key={p}>{p}</List.Item>)}</List>}
      {parsed.year && parsed.festivals.length > 0 && <Button mt="sm" size="xs" onClick={onUse}>填入 {parsed.year} 年（尚未保存）</Button>}
    </Alert>
  );
}
