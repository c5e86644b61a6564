import { Text } from '@mantine/core';

/** Slot on the household page: applications, decisions and the benefit calculation step by step (审核确认 issue). */
export function HouseholdProcedure({ householdId: _ }: { householdId: number }) {
  return <Text c="dimmed" size="sm">审核确认记录与保障金计算（建设中）</Text>;
}
