import { useState } from 'react';
import { Badge, Button, Group, Modal, Pagination, SegmentedControl, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { call, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { useJob } from '../../lib/useJob';
import { notifyOk } from '../../lib/notify';
import { formatDate, formatYuan } from '../../lib/format';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { PrintButton } from '../../components/PrintButton';
import { DateField, pageCount } from './shared';
import { useFieldErrors } from '../../lib/fieldErrors';

type Case = Out<'supervision.cases.list'>['rows'][number];
type Filter = 'current' | 'onBenefit' | 'unfiled' | 'all';
const PAGE = 30;

/** 近亲属享受低保备案台账: every matched case, its household and its filing with the county. */
export function CasesPanel() {
  const me = useUser();
  const [filter, setFilter] = useState<Filter>('current');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Case | null>(null);
  const { data, error, loading, reload } = useCall('supervision.cases.list', { filter, search, page, pageSize: PAGE, sort: 'village' });
  const rescan = useJob('supervision.cases.rescan', { label: '比对进度', cancelledMessage: '已取消比对，没有登记任何记录' });
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <SegmentedControl value={filter} onChange={(v) => { setFilter(v as Filter); setPage(1); }} data={[
            { value: 'current', label: '在册备案户' }, { value: 'onBenefit', label: '在保' }, { value: 'unfiled', label: '未报县备案' }, { value: 'all', label: '全部（含已撤销）' }]} />
          <TextInput aria-label="搜索" placeholder="姓名、村" value={search} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }} />
        </Group>
        <Group>
          {canWrite(me) && <Button variant="light" loading={rescan.busy} onClick={async () => {
            const r = await rescan.run({});
            if (r) { void reload(); notifyOk(`比对完成（${r.relatives} 名近亲属 × ${r.members} 名家庭成员），新发现 ${r.added} 条`); }
          }}>全面比对</Button>}
          {rescan.progress}
          <PrintButton document="supervision.casesLedger" args={{ filter: filter === 'all' ? 'all' : 'current' }} label="打印备案台账" />
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {loading && !data ? <Loading /> : data && (
        <>
          <Text size="sm" c="dimmed">共 {data.total} 条。近亲属按身份证号与全部家庭成员自动比对（登记近亲属、新增成员、受理申请时）。</Text>
          <Table striped highlightOnHover data-testid="cases-table">
            <Table.Thead><Table.Tr>
              <Table.Th>村（居）</Table.Th><Table.Th>户主</Table.Th><Table.Th>近亲属（成员）</Table.Th><Table.Th>关系</Table.Th><Table.Th>经办人员/村干部</Table.Th>
              <Table.Th>保障</Table.Th><Table.Th>备案</Table.Th><Table.Th>县级入户</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.villageName}</Table.Td>
                  <Table.Td>{c.headName} {c.active ? <Badge color="orange" variant="light">近亲属备案户</Badge> : <Badge color="gray">已撤销</Badge>}</Table.Td>
                  <Table.Td>{c.memberName}（{c.memberRelation}）</Table.Td>
                  <Table.Td>{c.relation}</Table.Td>
                  <Table.Td>{c.staffName}（{c.staffPost || c.staffKind}）<Text size="xs" c="dimmed">{c.staffUnit}</Text></Table.Td>
                  <Table.Td>{c.category} · {c.householdStatus}<Text size="xs">{formatYuan(c.monthlyAmountFen)}/月</Text></Table.Td>
                  <Table.Td>{c.filedDate ? `${formatDate(c.filedDate)} ${c.filingNo}` : <Badge color="red" variant="light">未备案</Badge>}</Table.Td>
                  <Table.Td>{c.countyVisitDate ? formatDate(c.countyVisitDate) : ''}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {canWrite(me) && <Button size="xs" variant="subtle" onClick={() => setEditing(c)}>登记备案</Button>}
                      <PrintButton document="supervision.filing" args={{ matchId: c.id }} label="备案表"
                        archive={{ householdId: c.householdId, docType: '近亲属备案表', title: `近亲属备案表（${c.staffName}）` }} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pagination total={pageCount(data.total, PAGE)} value={page} onChange={setPage} />
        </>
      )}
      {editing && <FilingModal c={editing} onClose={(saved) => { setEditing(null); if (saved) void reload(); }} />}
    </Stack>
  );
}

function FilingModal({ c, onClose }: { c: Case; onClose: (saved: boolean) => void }) {
  const [f, setF] = useState({ filingNo: c.filingNo, filedDate: c.filedDate, countyVisitDate: c.countyVisitDate, countyVisitBy: c.countyVisitBy, note: c.note });
  const { err, run } = useFieldErrors();
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => call('supervision.cases.file', { id: c.id, ...f }), '已保存备案情况')) onClose(true);
  };
  return (
    <Modal opened onClose={() => onClose(false)} title={`登记备案：${c.headName}户 ${c.memberName}`}>
      <form onSubmit={save}>
        <Stack>
          <TextInput label="备案编号" value={f.filingNo} onChange={(e) => setF({ ...f, filingNo: e.currentTarget.value })} error={err('filingNo')} />
          <DateField label="报县级民政部门备案日期" value={f.filedDate} onChange={(v) => setF({ ...f, filedDate: v })} error={err('filedDate')} />
          <DateField label="县级入户核查日期" value={f.countyVisitDate} onChange={(v) => setF({ ...f, countyVisitDate: v })} error={err('countyVisitDate')} />
          <TextInput label="入户核查人员/单位" value={f.countyVisitBy} onChange={(e) => setF({ ...f, countyVisitBy: e.currentTarget.value })} error={err('countyVisitBy')} />
          <Textarea label="备注" value={f.note} onChange={(e) => setF({ ...f, note: e.currentTarget.value })} error={err('note')} />
          <Group justify="flex-end"><Button type="submit">保存</Button></Group>
        </Stack>
      </form>
    </Modal>
  );
}
