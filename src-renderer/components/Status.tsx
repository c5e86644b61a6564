import { Alert, Center, Loader, Text } from '@mantine/core';
import type { ApiError } from '../lib/api';

/** Loading and error states in Chinese, the same everywhere; data-state lets e2e tests wait on them instead of on time. */
export function Loading({ label = '正在加载…' }: { label?: string }) {
  return <Center p="xl" data-state="loading"><Loader size="sm" mr="sm" /><Text c="dimmed">{label}</Text></Center>;
}

export function ErrorAlert({ error, title = '出错了' }: { error: ApiError | Error | null | undefined; title?: string }) {
  if (!error) return null;
  return <Alert color="red" title={title} role="alert" data-state="error">{error.message}</Alert>;
}
