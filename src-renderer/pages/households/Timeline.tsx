import { Text, Timeline as MTimeline } from '@mantine/core';
import { formatDate, formatYuan } from '../../lib/format';
import type { Detail } from './HouseholdPage';

/** The household's changes, newest first: what, when, why, by whom. */
export function Timeline({ h }: { h: Detail }) {
  if (!h.timeline.length) return <Text c="dimmed">暂无变动记录</Text>;
  return (
    <MTimeline bulletSize={14} lineWidth={2}>
      {h.timeline.map((e) => (
        <MTimeline.Item key={e.id} title={`${formatDate(e.date)} ${e.type}${e.memberName ? `：${e.memberName}` : ''}`}>
          <Text size="sm">{describe(e.payload)}</Text>
          <Text size="xs" c="dimmed">{e.reason ? `原因：${e.reason}；` : ''}经办：{e.operator}</Text>
        </MTimeline.Item>
      ))}
    </MTimeline>
  );
}

function describe(p: Record<string, unknown>): string {
  const parts: string[] = [];
  if (Array.isArray(p.fields)) parts.push(`变更：${(p.fields as string[]).join('、')}`);
  if (p.from !== undefined && p.to !== undefined && typeof p.to === 'string') parts.push(`${String(p.from) || '—'} → ${p.to}`);
  if (typeof p.action === 'string') parts.push(`${p.action} ${String(p.type)} ${formatYuan(Number(p.monthlyFen))}/月`);
  if (Array.isArray(p.covered)) parts.push(`${String(p.mode)}：${(p.covered as string[]).join('、')}`);
  if (typeof p.relation === 'string') parts.push(`与户主关系：${p.relation}`);
  if (typeof p.members === 'number') parts.push(`花名册“${String(p.sheet)}”第 ${String(p.row)} 行，${p.members} 人`);
  return parts.join('；');
}
