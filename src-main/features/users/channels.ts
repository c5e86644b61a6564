import { z } from 'zod';
import { channel, type Actor } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { ROLES, ROLE_LABELS, type Role } from '../../ipc/permissions';
import { hashPassword, verifyPassword } from './password';
import { secret } from '../../ipc/secret';
import { MAX_FAILURES, lockMinutesAfter } from '../../domain/loginThrottle';
import { checkUnknownUser } from './unknownUsers';
import { failedError, lockedError } from './loginErrors';

export { MAX_FAILURES };

interface UserRow { id: number; username: string; display_name: string; role: Role; password_hash: string;
  failed_attempts: number; locked_until: string | null; active: number }

const passwordSchema = secret(z.string().min(6, '密码至少 6 位').max(128));
const usernameSchema = z.string().trim().min(2, '用户名至少 2 个字符').max(32).regex(/^[A-Za-z0-9_.\u4e00-\u9fa5-]+$/, '用户名只能含字母、数字、汉字和 _ . -');

export const toActor = (u: UserRow): Actor => ({ userId: u.id, username: u.username, displayName: u.display_name, role: u.role });
const publicUser = (u: UserRow) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role,
  roleLabel: ROLE_LABELS[u.role], active: !!u.active, lockedUntil: u.locked_until });

export const userChannels = {
  'auth.login': channel({
    title: '登录', permission: 'public', kind: 'query',
    input: z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: secret(z.string().min(1, '请输入密码').max(128)) }),
    // A 'query' kind so the failure counter survives the thrown error (a mutation would roll it back).
    handler: (ctx, { username, password }) => {
      const u = ctx.sqlite.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
      // unknown and deactivated names cost one scrypt too and are throttled alike: timing and answers do not tell them apart
      if (!u || !u.active) return checkUnknownUser(ctx.sqlite, username, password, u?.password_hash);
      const now = new Date();
      if (u.locked_until && u.locked_until > now.toISOString()) throw lockedError(u.locked_until);
      if (!verifyPassword(password, u.password_hash)) {
        const failures = u.failed_attempts + 1; // reset only by a correct password: a lock does not give fresh tries
        const minutes = lockMinutesAfter(failures);
        const lock = minutes ? new Date(now.getTime() + minutes * 60_000).toISOString() : null;
        ctx.tx(() => {
          ctx.sqlite.prepare('UPDATE users SET failed_attempts = ?, locked_until = COALESCE(?, locked_until) WHERE id = ?').run(failures, lock, u.id);
          ctx.audit({ entity: 'user', entityId: u.id, after: { loginFailed: true, failures, lockedUntil: lock } });
        });
        if (lock) throw lockedError(lock, minutes);
        throw failedError(failures);
      }
      ctx.tx(() => {
        ctx.sqlite.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(u.id);
        ctx.audit({ entity: 'user', entityId: u.id, after: { login: true } });
      });
      const sessionId = ctx.session.bind(toActor(u));
      return { sessionId, user: publicUser(u) };
    },
  }),
  'auth.logout': channel({
    title: '退出登录', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => { ctx.session.end(); return true; },
  }),
  'auth.me': channel({
    title: '当前登录用户', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => ({ ...ctx.actor, roleLabel: ROLE_LABELS[ctx.actor.role] }),
  }),
  'users.list': channel({
    title: '用户列表', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => (ctx.sqlite.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(publicUser),
  }),
  'users.create': channel({
    title: '新建用户', permission: 'admin', kind: 'mutation',
    input: z.object({ username: usernameSchema, displayName: z.string().trim().min(1).max(32), role: z.enum(ROLES), password: passwordSchema }),
    handler: (ctx, i) => {
      const exists = ctx.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(i.username);
      if (exists) throw new AppError('CONFLICT', `用户名 ${i.username} 已存在`);
      const id = insertUser(ctx.sqlite, i);
      ctx.audit({ entity: 'user', entityId: id, after: { username: i.username, displayName: i.displayName, role: i.role } });
      return { id };
    },
  }),
  'users.update': channel({
    title: '修改用户（角色、停用、重置密码）', permission: 'admin', kind: 'mutation',
    input: z.object({ id: z.number().int().positive(), displayName: z.string().trim().min(1).max(32).optional(),
      role: z.enum(ROLES).optional(), active: z.boolean().optional(), password: passwordSchema.optional() }),
    handler: (ctx, i) => {
      const u = ctx.sqlite.prepare('SELECT * FROM users WHERE id = ?').get(i.id) as UserRow | undefined;
      if (!u) throw new AppError('NOT_FOUND', '未找到该用户');
      if (u.id === ctx.actor.userId && (i.active === false || (i.role && i.role !== 'admin'))) {
        throw new AppError('CONFLICT', '不能停用自己或取消自己的管理员角色');
      }
      ctx.sqlite.prepare(`UPDATE users SET display_name = ?, role = ?, active = ?, password_hash = ?,
        failed_attempts = CASE WHEN ? THEN 0 ELSE failed_attempts END, locked_until = CASE WHEN ? THEN NULL ELSE locked_until END WHERE id = ?`)
        .run(i.displayName ?? u.display_name, i.role ?? u.role, (i.active ?? !!u.active) ? 1 : 0,
          i.password ? hashPassword(i.password) : u.password_hash, i.password ? 1 : 0, i.password ? 1 : 0, u.id);
      ctx.audit({ entity: 'user', entityId: u.id, before: publicUser(u),
        after: { displayName: i.displayName, role: i.role, active: i.active, passwordReset: !!i.password } });
      return { id: u.id };
    },
  }),
};

export function insertUser(sqlite: import('better-sqlite3').Database,
  u: { username: string; displayName: string; role: Role; password: string }): number {
  const r = sqlite.prepare('INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(u.username, u.displayName, u.role, hashPassword(u.password), new Date().toISOString());
  return Number(r.lastInsertRowid);
}
