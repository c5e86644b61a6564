import { cloneElement, createContext, isValidElement, useContext, type ReactElement, type ReactNode } from 'react';
import { Text } from '@mantine/core';
import type { ChannelName, Out } from './api';

/**
 * What the logged-in user may do, as main computed it from each channel's declared permission (auth.access).
 * The window only uses it to offer fitting controls; main checks every call again (fail closed).
 */
export type Access = Out<'auth.access'>;
export const AccessContext = createContext<Access | null>(null);

/** May the current user call this channel? False while unknown (fail closed). */
export function useCan(channel: ChannelName): boolean {
  const a = useContext(AccessContext);
  return !!a && a.allowed.includes(channel);
}

/** Who can call a channel the current user cannot (e.g. "经办人、管理员"); '' when the user can. */
export function useWhoCan(channel: ChannelName): string {
  return useContext(AccessContext)?.whoCan[channel] ?? '';
}

interface CanProps {
  channel: ChannelName;
  /** One write control (Button, form …): it gets data-write="<channel>" so tests can find every write control. */
  children: ReactElement<Record<string, unknown>> | ReactNode;
  /** What a user without the permission sees: nothing (default), or a read-only line saying who can do it. */
  otherwise?: 'hide' | 'note';
  /** Words for the note, e.g. "登记入户调查". */
  what?: string;
}

/** Offers a write control only to a user who may call its channel. */
export function Can({ channel, children, otherwise = 'hide', what }: CanProps) {
  const can = useCan(channel);
  const who = useWhoCan(channel);
  if (can) return isValidElement(children) ? cloneElement(children as ReactElement<Record<string, unknown>>, { 'data-write': channel }) : <>{children}</>;
  if (otherwise === 'hide') return null;
  return <Text size="sm" c="dimmed" data-write-denied={channel}>{what ? `${what}：` : ''}仅{who || '有权限的账号'}可操作</Text>;
}

/** For lists of controls (one hook call, then can(channel) per item). */
export function useAccess() {
  const a = useContext(AccessContext);
  return {
    can: (channel: ChannelName) => !!a && a.allowed.includes(channel),
    who: (channel: ChannelName) => a?.whoCan[channel] ?? '',
  };
}

/**
 * A block of write controls (a settings form, an editable tree): offered as is to a user who may call its
 * channel; shown read-only (every control disabled by the fieldset) with who can change it to anyone else.
 */
export function WriteArea({ channel, what = '修改', children }: { channel: ChannelName; what?: string; children: ReactNode }) {
  const can = useCan(channel);
  const who = useWhoCan(channel);
  if (can) return <div data-write-area={channel}>{children}</div>;
  return (
    <fieldset disabled data-write-denied={channel} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text size="sm" c="dimmed" mb="xs">只读：{what}仅{who || '有权限的账号'}可操作</Text>
      {children}
    </fieldset>
  );
}
