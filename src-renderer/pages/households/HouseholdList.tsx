import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Group, Select, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { call, type In, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { navigate } from '../../lib/router';
import { formatDate, formatYuan } from '../../lib/format';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert } from '../../components/Status';
import { ListOutput } from './ListOutput';
import { opts, useOptions } from './useOptions';

type Row = Out<'households.list'>['rows'][number];
type Sort = NonNullable<In<'households.list'>['sort']>;
const PAGE = 100;
const ROW_HEIGHT = 38;
const COLUMNS: { key: Sort | null; label: string; width: string }[] = [
  { key: 'head', label: '户主', width: '1.2fr' }, { key: null, label: '身份证号', width: '1.6fr' },
  { key: 'village', label: '村/组', width: '1.3fr' }, { key: 'category', label: '类别', width: '1.1fr' },
  { key: 'status', label: '状态', width: '0.7fr' }, { key: null, label: '家庭/保障人口', width: '0.9fr' },
  { key: 'amount', label: '月保障金', width: '0.9fr' }, { key: 'startMonth', label: '起始年月', width: '1fr' },
];
const GRID = COLUMNS.map((c) => c.width).join(' ');

/** The household list: search and filters in main, 100 rows per request, only visible rows rendered. */
export function HouseholdList() {
  const me = useUser();
  const options = useOptions();
  const villages = useCall('regions.tree', {}).data?.[0]?.children ?? [];
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<{ category?: string; status?: string; villageId?: number; flag?: string }>({});
  const [sort, setSort] = useState<{ sort: Sort; dir: 'asc' | 'desc' }>({ sort: 'id', dir: 'desc' });
  const query = { q: q.trim(), ...filter, ...sort } as In<'households.list'>;
  const { total, rowAt, error } = usePagedRows(query);
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: total ?? 0, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = v.getVirtualItems();
  useEffect(() => { rowAt.ensure(items.map((i) => i.index)); });
  const toggle = (key: Sort) => setSort((s) => ({ sort: key, dir: s.sort === key && s.dir === 'asc' ? 'desc' : 'asc' }));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>户档案</Title>
        <Group><Button variant="subtle" onClick={() => navigate('/households/health')}>数据体检</Button></Group>
        {canWrite(me) && <Group><Button variant="light" onClick={() => navigate('/households/import')}>导入花名册</Button>
          <Button onClick={() => navigate('/households/new')}>新建户档案</Button></Group>}
      </Group>
      <Group align="flex-end" gap="xs">
        <TextInput label="检索" placeholder="姓名、身份证号或后几位、拼音首字母（如 zs）、村名" w={300} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select label="保障类别" clearable w={150} data={opts(options?.categories ?? [])} value={filter.category ?? null} onChange={(x) => setFilter({ ...filter, category: x ?? undefined })} />
        <Select label="状态" clearable w={110} data={opts(options?.statuses ?? [])} value={filter.status ?? null} onChange={(x) => setFilter({ ...filter, status: x ?? undefined })} />
        <Select label="村/居" clearable searchable w={140} data={villages.map((x) => ({ value: String(x.id), label: x.name }))} value={filter.villageId ? String(filter.villageId) : null}
          onChange={(x) => setFilter({ ...filter, villageId: x ? Number(x) : undefined })} />
        <Select label="标记" clearable w={140} data={opts(options?.filterFlags ?? [])} value={filter.flag ?? null} onChange={(x) => setFilter({ ...filter, flag: x ?? undefined })} />
      </Group>
      <ListOutput filter={query} />
      <ErrorAlert error={error} />
      <Text size="sm" c="dimmed" data-testid="household-total">{total === undefined ? '正在检索…' : `共 ${total} 户`}</Text>
      <div role="table" aria-label="户档案列表" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
        <div role="row" style={{ display: 'grid', gridTemplateColumns: GRID, background: 'var(--mantine-color-gray-0)', fontWeight: 600, fontSize: 14 }}>
          {COLUMNS.map((c) => (
            <div role="columnheader" key={c.label} style={{ padding: '8px 6px' }}>
              {c.key ? <UnstyledButton fw={600} fz={14} onClick={() => toggle(c.key!)}>{c.label}{sort.sort === c.key ? (sort.dir === 'asc' ? ' ↑' : ' ↓') : ''}</UnstyledButton> : c.label}
            </div>))}
        </div>
        <div ref={parent} style={{ height: 'calc(100vh - 330px)', minHeight: 300, overflow: 'auto' }}>
          <div style={{ height: v.getTotalSize(), position: 'relative' }}>
            {items.map((it) => <ListRow key={it.key} row={rowAt.get(it.index)} top={it.start} />)}
          </div>
        </div>
      </div>
    </Stack>
  );
}

function ListRow({ row, top }: { row: Row | undefined; top: number }) {
  const style = { position: 'absolute' as const, top, left: 0, right: 0, height: ROW_HEIGHT, display: 'grid', gridTemplateColumns: GRID,
    alignItems: 'center', fontSize: 14, borderBottom: '1px solid var(--mantine-color-gray-2)', cursor: row ? 'pointer' : 'default' };
  if (!row) return <div role="row" style={style}><div style={{ padding: '0 6px', color: 'gray' }}>…</div></div>;
  const open = () => navigate(`/households/${row.id}`);
  return (
    <div role="row" tabIndex={0} style={style} onClick={open} onKeyDown={(e) => { if (e.key === 'Enter') open(); }}>
      <div role="cell" style={{ padding: '0 6px' }}>{row.headName}</div>
      <div role="cell" style={{ padding: '0 6px', fontFamily: 'monospace' }}>{row.headIdNumber}</div>
      <div role="cell" style={{ padding: '0 6px' }}>{row.village}{row.group}</div>
      <div role="cell" style={{ padding: '0 6px' }}>{row.category}</div>
      <div role="cell" style={{ padding: '0 6px' }}><Badge size="sm" variant="light" color={row.status === '在保' ? 'green' : 'gray'}>{row.status}</Badge></div>
      <div role="cell" style={{ padding: '0 6px' }}>{row.familySize} / {row.coveredSize}</div>
      <div role="cell" style={{ padding: '0 6px' }}>{formatYuan(row.monthlyFen)}</div>
      <div role="cell" style={{ padding: '0 6px' }}>{formatDate(row.startMonth)}</div>
    </div>
  );
}

/** Pages of rows fetched on demand as the window scrolls; a new query starts afresh (stale answers are dropped). */
function usePagedRows(query: In<'households.list'>) {
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ key: string; total?: number; pages: Map<number, Row[]> }>({ key, pages: new Map() });
  const [error, setError] = useState<Error | null>(null);
  const loading = useRef(new Set<string>());
  const load = (page: number) => {
    const id = `${key}#${page}`;
    if (loading.current.has(id)) return;
    loading.current.add(id);
    call('households.list', { ...query, page, pageSize: PAGE }).then((r) => {
      setError(null);
      setState((s) => (s.key !== key ? s : { key, total: r.total, pages: new Map(s.pages).set(page, r.rows) }));
    }, setError);
  };
  useEffect(() => {
    const t = setTimeout(() => { setState({ key, pages: new Map() }); loading.current.clear(); load(0); }, 200);
    return () => clearTimeout(t);
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const current = state.key === key ? state : { total: undefined, pages: new Map<number, Row[]>() };
  return {
    total: current.total, error,
    rowAt: {
      get: (i: number) => current.pages.get(Math.floor(i / PAGE))?.[i % PAGE],
      ensure: (indexes: number[]) => { for (const p of new Set(indexes.map((i) => Math.floor(i / PAGE)))) if (!current.pages.has(p) && state.key === key) load(p); },
    },
  };
}
