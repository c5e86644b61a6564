import { z } from 'zod';
import { channel, type ChannelMap } from '../../ipc/contract';
import { PERMISSIONS, ROLE_LABELS, ROLES, roleHas, type Permission } from '../../ipc/permissions';

/** What the window needs to offer only the controls this user can use (main still checks every call). */
export interface Access {
  role: string;
  roleLabel: string;
  permissions: Permission[];
  /** Every channel this user may call. */
  allowed: string[];
  /** For each channel this user may NOT call: who can (e.g. "经办人、管理员"), for a read-only hint. */
  whoCan: Record<string, string>;
}

/** Roles holding a permission, as the clerk reads them (county mode left out of township hints). */
export function rolesWith(permission: Permission): string[] {
  return ROLES.filter((r) => roleHas(r, permission)).map((r) => ROLE_LABELS[r]);
}

/** The access of a role over a channel map, computed from each channel's declared permission. */
export function accessOf(role: string, channels: ChannelMap): Omit<Access, 'role' | 'roleLabel'> {
  const allowed: string[] = [];
  const whoCan: Record<string, string> = {};
  for (const [name, def] of Object.entries(channels)) {
    if (def.permission === 'public' || roleHas(role, def.permission)) allowed.push(name);
    else whoCan[name] = rolesWith(def.permission).join('、');
  }
  return { permissions: PERMISSIONS.filter((p) => roleHas(role, p)), allowed, whoCan };
}

/** The channels are handed in by the registry (this file cannot import it: the registry imports this file). */
export function accessChannels(all: () => ChannelMap) {
  return {
    'auth.access': channel({
      title: '当前用户可用的操作（按各操作声明的权限）', permission: 'read', kind: 'query', input: z.object({}),
      handler: (ctx): Access => ({
        role: ctx.actor.role, roleLabel: ROLE_LABELS[ctx.actor.role] ?? ctx.actor.role, ...accessOf(ctx.actor.role, all()),
      }),
    }),
  };
}
