import { Alert, Badge, Stack, Table, Text } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import { formatDate, formatYuan } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { CalculationView, StageBadge } from './shared';

/** Slot on the household page: its applications, decision records and the benefit calculation step by step. */
export function HouseholdProcedure({ householdId }: { householdId: number }) {
  const { data, error, loading } = useCall('applications.forHousehold', { householdId });
  if (error) return <ErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  return (
    <Stack>
      {data.blockedUntil && <Alert color="red" title="诚信记录">两次虚假申报，{formatDate(data.blockedUntil)}前不受理新申请。</Alert>}
      <Text fw={600}>申请与审核确认</Text>
      {data.applications.length === 0 ? <Text c="dimmed" size="sm">没有申请记录。</Text> : (
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th>编号</Table.Th><Table.Th>申请日期</Table.Th><Table.Th>环节</Table.Th><Table.Th>最近一步</Table.Th><Table.Th>月保障金</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.applications.map((a) => {
              const last = a.steps.at(-1);
              return (
                <Table.Tr key={a.id}>
                  <Table.Td><a href={`#/applications/${a.id}`}>{a.id}</a></Table.Td><Table.Td>{formatDate(a.appliedOn)}</Table.Td>
                  <Table.Td><StageBadge stage={a.stage} /></Table.Td>
                  <Table.Td>{last ? `${formatDate(last.date)} ${last.label}（${last.by}）` : ''}</Table.Td>
                  <Table.Td>{a.amountFen != null ? formatYuan(a.amountFen) : ''}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {data.changes.length > 0 && (
        <>
          <Text fw={600}>变更决定</Text>
          <Table striped>
            <Table.Thead><Table.Tr><Table.Th>日期</Table.Th><Table.Th>决定</Table.Th><Table.Th>金额</Table.Th><Table.Th>起始</Table.Th><Table.Th>理由</Table.Th><Table.Th>决定人</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.changes.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDate(c.date)}</Table.Td><Table.Td><Badge variant="light">{c.decision}</Badge></Table.Td>
                  <Table.Td>{formatYuan(c.beforeAmountFen + c.beforeTopUpFen)} → {formatYuan(c.afterAmountFen + c.afterTopUpFen)}</Table.Td>
                  <Table.Td>{formatDate(c.effectiveMonth)}{c.phaseOutEndMonth ? `，渐退至${formatDate(c.phaseOutEndMonth)}` : ''}</Table.Td>
                  <Table.Td>{c.reason}（{c.source}）{c.workIncomeNote ? `；第三十三条（就业增收）：${c.workIncomeNote}` : ''}</Table.Td><Table.Td>{c.decidedBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {data.integrity.length > 0 && <Text size="sm" c="red">诚信记录：{data.integrity.map((r) => `${formatDate(r.date)} ${r.kind}（${r.note}）`).join('；')}</Text>}
      {data.calculationError ? <Alert color="red">{data.calculationError}</Alert>
        : data.calculation && <CalculationView calc={data.calculation} title="按现有成员与收入核算（逐步说明）" />}
    </Stack>
  );
}
