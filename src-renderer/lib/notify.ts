import { notifications } from '@mantine/notifications';
import { ApiError } from './api';

export const notifyOk = (message: string) => notifications.show({ color: 'green', message });
export const notifyError = (e: unknown) =>
  notifications.show({ color: 'red', title: '操作未完成', message: e instanceof ApiError ? e.message : String(e) });

/** Runs an action, shows its error as a notification, and returns whether it succeeded. */
export async function attempt(fn: () => Promise<unknown>, okMessage?: string): Promise<boolean> {
  try { await fn(); if (okMessage) notifyOk(okMessage); return true; } catch (e) { notifyError(e); return false; }
}
