import { Text } from '@mantine/core';

/** Slot on the household page: the household's archive bag and catalogue (filled by the archive issue). */
export function HouseholdDocuments({ householdId: _ }: { householdId: number }) {
  return <Text c="dimmed" size="sm">档案袋与卷内目录（建设中）</Text>;
}
