import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { AreaProps } from '../../areas';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatDate, formatYuan } from '../../lib/format';
import { Can } from '../../lib/access';
import { ErrorAlert, Loading } from '../../components/Status';
import { FolderPickButton } from '../../components/FolderPickButton';
import { HistoryImport } from './HistoryImport';
import { MonthField } from '../../components/DateField';
import { useFieldErrors } from '../../lib/fieldErrors';

/** The previous month: the month usually being closed and paid. */
function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const PAGE = 50;

/**
 * 发放: the month's payroll as main computed it from the decisions in force (or as frozen when closed), the change
 * lines with the decision behind each, the checks that keep it from closing, 锁定 (审核人), 解锁 (管理员, with reason)
 * and the bank file. The page computes nothing itself. Every write control is offered only to a role whose
 * permission its channel declares (Can); 只读 reads the payroll with a note who may close, reopen or import.
 */
export default function PayrollArea(_props: AreaProps) {
  const [period, setPeriod] = useState(lastMonth());
  const [page, setPage] = useState(1);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const { data, error, loading, reload } = useCall('payroll.month', { period, page, pageSize: PAGE }, valid);
  return (
    <Stack>
      <Title order={3}>月度发放名册</Title>
      <MonthField label="发放月份" description="也可输入 2026-11 或 202611" value={period} w={220}
        onChange={(m) => { setPeriod(m); setPage(1); }} error={valid || period === '' ? undefined : '请填写年月，如 2026年11月'} />
      {error && <ErrorAlert error={error} />}
      {valid && (loading && !data ? <Loading /> : data && <>
        <Group>
          {data.closed
            ? <Badge color="green" size="lg">已锁定：{formatDate(data.closedOn)} {data.closedByName}{data.source === '导入' ? '（历史导入）' : ''}</Badge>
            : <Badge color="yellow" size="lg">未锁定（按现行决定计算的草稿）</Badge>}
          {data.exportedAt && <Badge color="blue" size="lg">已导出报送包</Badge>}
        </Group>
        <Totals totals={data.totals} />
        {!data.closed && <Problems problems={data.problems} />}
        <Actions period={period} closed={data.closed} exported={!!data.exportedAt} blocked={data.problems.length > 0} onDone={reload} />
        <Changes changes={data.changes} />
        <Text fw={600}>发放对象（{data.lineCount} 户）</Text>
        <Table striped withTableBorder fz="sm" aria-label="发放对象">
          <Table.Thead><Table.Tr>
            {['序号', '村（居）', '组', '户主', '保障类别', '保障人数', '月保障金', '分类施保金', '合计', '开户银行', '账号', '依据'].map((h) => <Table.Th key={h}>{h}</Table.Th>)}
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.lines.map((l) => (
              <Table.Tr key={l.seq}>
                <Table.Td>{l.seq}</Table.Td><Table.Td>{l.village}</Table.Td><Table.Td>{l.grp}</Table.Td><Table.Td>{l.headName}</Table.Td>
                <Table.Td>{l.category}</Table.Td><Table.Td>{l.covered}</Table.Td><Table.Td>{formatYuan(l.baseFen)}</Table.Td>
                <Table.Td>{formatYuan(l.topUpFen)}</Table.Td><Table.Td>{formatYuan(l.baseFen + l.topUpFen)}</Table.Td>
                <Table.Td>{l.bankName}</Table.Td><Table.Td>{l.bankAccount}</Table.Td><Table.Td>{l.decisionLabel}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data.lineCount > PAGE && <Pagination total={Math.ceil(data.lineCount / PAGE)} value={page} onChange={setPage} aria-label="翻页" />}
      </>)}
      <Can channel="payroll.importHistory" otherwise="note" what="导入以前月份的发放表"><HistoryImport onDone={reload} /></Can>
    </Stack>
  );
}

type Month = NonNullable<ReturnType<typeof useCall<'payroll.month'>>['data']>;

function Totals({ totals }: { totals: Month['totals'] }) {
  return (
    <Group gap="xl" aria-label="合计">
      <Text>户数 <b>{totals.households}</b></Text><Text>人数 <b>{totals.persons}</b></Text>
      <Text>月保障金 <b>{formatYuan(totals.baseFen)}</b></Text><Text>分类施保金 <b>{formatYuan(totals.topUpFen)}</b></Text>
      <Text>补发/扣回 <b>{formatYuan(totals.adjustFen)}</b></Text><Text>当月发放合计 <b>{formatYuan(totals.totalFen)}</b></Text>
    </Group>
  );
}

function Problems({ problems }: { problems: Month['problems'] }) {
  if (!problems.length) return <Alert color="green" title="锁定前校验：全部通过" role="status">可以锁定本月发放名册。</Alert>;
  return (
    <Alert color="red" title={`锁定前校验：${problems.length} 个问题，处理后才能锁定`} role="alert">
      <List size="sm" spacing={2}>
        {problems.slice(0, 50).map((p, i) => (
          <List.Item key={i}>
            {p.rule}：{p.householdId ? <a href={`#/households/${p.householdId}`}>{p.label}</a> : p.label}{p.label ? '，' : ''}{p.detail}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function Changes({ changes }: { changes: Month['changes'] }) {
  return (
    <>
      <Text fw={600}>与上月相比的变动（{changes.length} 条）</Text>
      {changes.length === 0 ? <Text size="sm" c="dimmed">本月没有变动。</Text> : (
        <Table withTableBorder fz="sm" aria-label="变动明细">
          <Table.Thead><Table.Tr>{['类型', '户', '所属月份', '原金额', '现金额', '补发/扣回', '依据的决定', '决定日期'].map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody>
            {changes.map((c, i) => (
              <Table.Tr key={i}>
                <Table.Td><Badge variant="light">{c.kind}</Badge></Table.Td><Table.Td>{c.label}</Table.Td><Table.Td>{formatDate(c.forMonth)}</Table.Td>
                <Table.Td>{formatYuan(c.beforeFen)}</Table.Td><Table.Td>{formatYuan(c.afterFen)}</Table.Td>
                <Table.Td>{c.amountFen ? formatYuan(c.amountFen) : ''}</Table.Td><Table.Td>{c.decisionLabel}</Table.Td><Table.Td>{formatDate(c.decisionDate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function Actions({ period, closed, exported, blocked, onDone }: {
  period: string; closed: boolean; exported: boolean; blocked: boolean; onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const [dest, setDest] = useState('');
  const reopenErr = useFieldErrors();
  const bankErr = useFieldErrors();
  const month = formatDate(period); // 2026年11月 in what the clerk reads
  const close = () => attempt(async () => { await call('payroll.close', { period }); onDone(); }, `${month}发放名册已锁定`);
  const reopen = () => reopenErr.run(async () => { await call('payroll.reopen', { period, reason }); setReason(''); onDone(); }, `${month}已解锁`);
  const bank = () => bankErr.run(async () => {
    const r = await call('payroll.bankFile', { period, destination: dest });
    if (r.heldBack.length) throw new Error(`已生成 ${r.file}，但 ${r.heldBack.length} 户扣回超过当月应发，未列入银行清单，须另行追回`);
  }, '银行发放清单已生成');
  return (
    <Stack gap="xs">
      {!closed && (
        <Can channel="payroll.close" otherwise="note" what="锁定本月发放名册">
          <Group><Button onClick={close} disabled={blocked}>锁定本月发放名册</Button></Group>
        </Can>
      )}
      {closed && !exported && (
        <Can channel="payroll.reopen" otherwise="note" what="解锁">
          <Group align="end">
            <TextInput label="解锁理由（必填，记入审计）" value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={360}
              error={reopenErr.err('reason') ?? reopenErr.err('period')} />
            <Button color="orange" variant="light" onClick={reopen} disabled={reason.trim().length < 4}>解锁</Button>
          </Group>
        </Can>
      )}
      {closed && (
        <Can channel="payroll.bankFile" otherwise="note" what="生成银行一卡通发放清单（含身份证号和账号）">
          <Group align="end">
            <TextInput label="银行清单保存到（U盘或文件夹）" value={dest} onChange={(e) => setDest(e.currentTarget.value)} w={360}
              error={bankErr.err('destination')} />
            <FolderPickButton onPick={setDest} />
            <Button variant="light" onClick={bank} disabled={!dest.trim()}>生成银行一卡通发放清单</Button>
          </Group>
        </Can>
      )}
    </Stack>
  );
}
