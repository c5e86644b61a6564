import { Badge, Tooltip } from '@mantine/core';

/**
 * 未核定: the date was counted across a year with no official holiday calendar (Monday–Friday only), so it may
 * be wrong. Shown beside every such deadline; the tooltip says which year to enter in 系统设置 → 节假日.
 */
export function UnverifiedBadge({ years }: { years: readonly number[] | undefined }) {
  if (!years?.length) return null;
  return (
    <Tooltip label={`${years.join('、')} 年的节假日安排尚未录入，本日期只按周一至周五计算，请在“系统设置 → 节假日日历”录入后核对`}>
      <Badge color="yellow" variant="filled" ml={4} data-testid="unverified">未核定</Badge>
    </Tooltip>
  );
}
