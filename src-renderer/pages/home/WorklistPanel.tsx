import { Fragment, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Pagination, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import type { Out } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { chineseDatesIn } from '../../../src-main/domain/dates';
import { ErrorAlert, Loading } from '../../components/Status';
import { UnverifiedBadge } from '../../components/Unverified';
import { HealthBadge } from '../../components/HealthBadge';
import { useCan, useWhoCan } from '../../lib/access';

type Data = Out<'worklist.today'>;
type Item = Data['items'][number];
const BUCKETS: { key: Item['bucket']; label: string; color: string }[] = [
  { key: 'overdue', label: '已逾期', color: 'red' },
  { key: 'today', label: '今天到期', color: 'orange' },
  { key: 'week', label: '7 天内到期', color: 'yellow' },
  { key: 'open', label: '待处理（等待决定或核实）', color: 'blue' },
];

/**
 * 首页 worklist: everything overdue, due today, due in the next 7 days and waiting for a decision, across
 * features, filterable by village and by "等我处理". Main collects it (worklist.today); the page only shows it.
 */
export function WorklistPanel() {
  const [villageId, setVillageId] = useState<number | undefined>(undefined);
  const [mineOnly, setMineOnly] = useState(false);
  const { data, error, loading } = useCall('worklist.today', villageId ? { villageId } : {});
  if (error) return <ErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const items = data.items.filter((i) => !mineOnly || i.mine);
  return (
    <Stack data-testid="worklist">
      <CalendarWarnings calendar={data.calendar} />
      {data.failed.map((f) => <Alert key={f.id} color="red" title={`“${f.label}”待办未能读取`}>{f.message}</Alert>)}
      <Group align="flex-end">
        <Select label="村（居）" placeholder="全部村（居）" clearable w={200} value={villageId ? String(villageId) : null}
          data={data.villages.filter((v) => v.villageId != null).map((v) => ({ value: String(v.villageId), label: v.village }))}
          onChange={(v) => setVillageId(v ? Number(v) : undefined)} />
        <Switch label="只看等我处理的" checked={mineOnly} onChange={(e) => setMineOnly(e.currentTarget.checked)} />
        <Text size="sm" c="dimmed">今天 {formatDate(data.today)}</Text>
      </Group>
      <Group gap="xs" aria-label="各村待办">
        {data.villages.map((v) => (
          <Badge key={String(v.villageId)} variant="outline" color={v.overdue ? 'red' : 'gray'} style={{ cursor: 'pointer' }}
            onClick={() => setVillageId(v.villageId ?? undefined)}>
            {v.village}：逾期 {v.overdue} · 今天 {v.today} · 7天内 {v.week} · 待处理 {v.open}
          </Badge>
        ))}
      </Group>
      <HealthBadge />
      {data.health.length > 0 && (
        <Group gap="xs" aria-label="数据体检">
          <Text size="sm" fw={600}>数据体检：</Text>
          {data.health.map((h) => <Anchor key={h.key} href={`#${h.link}`} size="sm"><Badge color={h.count ? 'red' : 'green'} variant="light">{h.label} {h.count}</Badge></Anchor>)}
        </Group>
      )}
      {items.length === 0 && <Text c="dimmed">没有到期或待处理的事项。</Text>}
      {BUCKETS.map((b) => <BucketTable key={b.key} label={b.label} color={b.color} items={items.filter((i) => i.bucket === b.key)} />)}
    </Stack>
  );
}

/** Rows of one kind in one village: shown one by one up to this many, else as one row with a count that expands. */
const GROUP_AT = 3;
/** Expanded rows per page, so a village with hundreds of overdue rechecks still fits the screen. */
const PAGE = 10;

interface Group { key: string; kind: string; village: string | null; items: Item[] }

/** Groups a bucket's items by kind and village, keeping the bucket's order (earliest due first). */
function groupItems(items: Item[]): Group[] {
  const groups = new Map<string, Group>();
  for (const i of items) {
    const key = `${i.kind}|${i.villageId ?? ''}`;
    const g = groups.get(key) ?? { key, kind: i.kind, village: i.village, items: [] };
    g.items.push(i);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function BucketTable({ label, color, items }: { label: string; color: string; items: Item[] }) {
  if (items.length === 0) return null;
  return (
    <Card withBorder data-testid={`worklist-${label}`}>
      <Group mb="xs"><Badge color={color}>{label}</Badge><Text size="sm" data-testid="bucket-count">{items.length} 项</Text></Group>
      <Table striped>
        <Table.Thead><Table.Tr><Table.Th>事项</Table.Th><Table.Th>内容</Table.Th><Table.Th>村（居）</Table.Th><Table.Th>期限</Table.Th><Table.Th>等待</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {groupItems(items).map((g) => (g.items.length < GROUP_AT
            ? <Fragment key={g.key}>{g.items.map((i) => <ItemRow key={i.key} item={i} color={color} />)}</Fragment>
            : <GroupRows key={g.key} group={g} color={color} />))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function ItemRow({ item: i, color, grouped }: { item: Item; color: string; grouped?: boolean }) {
  return (
    <Table.Tr data-testid={grouped ? 'worklist-group-item' : undefined}>
      <Table.Td><Badge variant="light" color={color}>{i.kind}</Badge></Table.Td>
      <Table.Td><Anchor href={`#${i.link}`}>{chineseDatesIn(i.title)}</Anchor></Table.Td>
      <Table.Td>{i.village ?? ''}</Table.Td>
      <Table.Td>{i.due ? formatDate(i.due) : '—'}<UnverifiedBadge years={i.unverifiedYears} /></Table.Td>
      <Table.Td>{i.waitsForLabel}{i.mine ? '（我）' : ''}</Table.Td>
    </Table.Tr>
  );
}

/** One row per kind and village with its count; 展开 shows the items a page at a time, each with its link. */
function GroupRows({ group: g, color }: { group: Group; color: string }) {
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const pages = Math.ceil(g.items.length / PAGE);
  const waits = [...new Set(g.items.map((i) => i.waitsForLabel))].join('、');
  const unverified = [...new Set(g.items.flatMap((i) => i.unverifiedYears ?? []))];
  return (
    <>
      <Table.Tr data-testid="worklist-group" data-kind={g.kind}>
        <Table.Td><Badge variant="light" color={color}>{g.kind}</Badge></Table.Td>
        <Table.Td>
          <Button variant="subtle" size="compact-sm" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? '收起' : '展开'}：{g.village ?? '未分村'} {g.items.length} 项
          </Button>
        </Table.Td>
        <Table.Td>{g.village ?? ''}</Table.Td>
        <Table.Td>{g.items[0].due ? `最早 ${formatDate(g.items[0].due)}` : '—'}<UnverifiedBadge years={unverified} /></Table.Td>
        <Table.Td>{waits}{g.items.some((i) => i.mine) ? '（我）' : ''}</Table.Td>
      </Table.Tr>
      {open && g.items.slice((page - 1) * PAGE, page * PAGE).map((i) => <ItemRow key={i.key} item={i} color={color} grouped />)}
      {open && pages > 1 && (
        <Table.Tr><Table.Td colSpan={5}><Pagination size="sm" total={pages} value={page} onChange={setPage} aria-label={`${g.village ?? ''}${g.kind}分页`} /></Table.Td></Table.Tr>
      )}
    </>
  );
}

function CalendarWarnings({ calendar }: { calendar: Data['calendar'] }) {
  const canEnter = useCan('calendar.setYear');
  const who = useWhoCan('calendar.setYear');
  if (!calendar.missing.length && !calendar.invalid.length) return null;
  return (
    <Alert color="yellow" title="节假日日历未核定" data-testid="calendar-missing">
      {calendar.missing.length > 0 && <Text size="sm">尚未录入 {calendar.missing.join('、')} 年的国务院节假日安排：落在这些年份的期限只按周一至周五计算，标为“未核定”。</Text>}
      {calendar.invalid.map((i) => <Text size="sm" key={i.year}>{i.year} 年已存的日历有误，未采用：{i.problems.join('；')}</Text>)}
      {canEnter
        ? <Anchor href="#/settings/calendar" size="sm">去录入（系统设置 → 节假日日历）</Anchor>
        : <Text size="sm" c="dimmed">请{who || '管理员'}在 系统设置 → 节假日日历 中录入。</Text>}
    </Alert>
  );
}
