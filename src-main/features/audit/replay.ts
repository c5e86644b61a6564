import type Database from 'better-sqlite3';
import { DEMO_USERS } from '../setup/initialize';

/**
 * A value changed in the database with no audit row leaves the chain intact, so the chain alone cannot see it.
 * For the most dangerous such change — a user's role or active flag (a 只读 account made 管理员) — the audit trail
 * says what the value must be: the newest audit row of that user naming it, else what setup created. Other tables
 * are not replayed (see the issue note for what this cannot detect).
 */
interface UserRow { id: number; username: string; role: string; active: number }

function lastRecorded(sqlite: Database.Database, userId: number, field: 'role' | 'active'): unknown {
  const rows = sqlite.prepare("SELECT after FROM audit_log WHERE entity = 'user' AND entity_id = ? ORDER BY id DESC").pluck().iterate(String(userId));
  for (const text of rows as IterableIterator<string | null>) {
    const after = text ? JSON.parse(text) as Record<string, unknown> : null;
    if (after && field in after && after[field] !== undefined && after[field] !== null) return after[field];
  }
  return undefined;
}

/** Roles setup gave: the administrator named in setup.init's audit row and, in a demo, the demo accounts. */
function setupRoles(sqlite: Database.Database): Map<string, string> {
  const text = sqlite.prepare("SELECT after FROM audit_log WHERE entity = 'township' ORDER BY id LIMIT 1").pluck().get() as string | undefined;
  const setup = text ? JSON.parse(text) as { admin?: string; demo?: unknown } : {};
  const roles = new Map<string, string>();
  if (setup.admin) roles.set(setup.admin, 'admin');
  if (setup.demo) for (const u of DEMO_USERS) roles.set(u.username, u.role);
  return roles;
}

export function userReplayProblems(sqlite: Database.Database): string[] {
  const setup = setupRoles(sqlite);
  const problems: string[] = [];
  for (const u of sqlite.prepare('SELECT id, username, role, active FROM users ORDER BY id').all() as UserRow[]) {
    const role = lastRecorded(sqlite, u.id, 'role') ?? setup.get(u.username);
    if (role === undefined) problems.push(`用户 ${u.username} 的角色没有任何审计记录（不是通过本程序创建的）`);
    else if (role !== u.role) problems.push(`用户 ${u.username} 的角色是 ${u.role}，审计记录中最后一次是 ${String(role)}：角色被绕过程序直接改动`);
    const active = lastRecorded(sqlite, u.id, 'active');
    if (active === false && u.active) problems.push(`用户 ${u.username} 已按审计记录停用，但数据库中是启用的：被绕过程序直接改动`);
  }
  return problems;
}
