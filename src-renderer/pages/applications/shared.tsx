import { Badge, Table, Text } from '@mantine/core';
import { formatYuan } from '../../lib/format';

const STAGE_COLOR: Record<string, string> = {
  待受理: 'gray', 调查中: 'blue', 待初审: 'blue', 待公示: 'cyan', 公示中: 'cyan', 待确认: 'orange', 已确认: 'green', 不予受理: 'red', 不予确认: 'red',
};
export const StageBadge = ({ stage }: { stage: string }) => <Badge color={STAGE_COLOR[stage] ?? 'gray'} variant="light">{stage}</Badge>;

const STATE_COLOR: Record<string, string> = { 已逾期: 'red', 即将到期: 'orange', 未到期: 'gray', 已完成: 'green' };
export const DeadlineBadge = ({ state }: { state: string }) => <Badge color={STATE_COLOR[state] ?? 'gray'} variant="light">{state}</Badge>;

export interface CalculationData {
  eligibility: string; amountFen: number; baseFen: number; topUpFen: number; standardYear: string; area: string;
  steps: { label: string; formula: string }[];
}

/** The benefit calculation step by step, as main computed it (the page never computes a rule). */
export function CalculationView({ calc, title }: { calc: CalculationData; title?: string }) {
  return (
    <>
      {title && <Text fw={600} mb="xs">{title}</Text>}
      <Table withTableBorder withColumnBorders>
        <Table.Thead><Table.Tr><Table.Th w={200}>项目</Table.Th><Table.Th>计算</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {calc.steps.map((s, i) => <Table.Tr key={i}><Table.Td>{s.label}</Table.Td><Table.Td>{s.formula}</Table.Td></Table.Tr>)}
        </Table.Tbody>
      </Table>
      <Text mt="xs" fw={700} data-testid="benefit-amount">
        月保障金 {formatYuan(calc.amountFen)}（其中分类施保金 {formatYuan(calc.topUpFen)}）· {calc.standardYear}年{calc.area}标准 · 认定：{calc.eligibility}
      </Text>
    </>
  );
}
