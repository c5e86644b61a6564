import type Database from 'better-sqlite3';
import { AppError } from '../../ipc/errors';
import { allOf, mayFetch, outboxRecord } from '../../ipc/outbox';
import { ROLES, ROLE_LABELS, type Permission } from '../../ipc/permissions';

/** What decides who may open an archive item's file: where it came from and, for a print, its outbox record. */
export interface FiledFile { source: string; fileName: string }

/**
 * The permissions an archive file needs, as one outbox permission string.
 * - A PDF the app printed keeps who could fetch it when printed (a list with full IDs stays sensitive.read); one whose
 *   print record is gone is treated as carrying full numbers (fail closed).
 * - A scan (身份证、户口簿、银行卡、申请书、收入证明…) shows full ID, phone and account numbers that nothing can mask,
 *   so it needs 查看完整身份证号 (sensitive.read), as the 代管协议 scans in 监督 do.
 */
export function filePermission(sqlite: Database.Database, f: FiledFile): string {
  const needs: Permission[] = f.source === '系统打印'
    ? (outboxRecord(sqlite, f.fileName)?.permission.split('+') as Permission[] | undefined) ?? ['sensitive.read']
    : ['sensitive.read'];
  return allOf(needs);
}

export const mayOpenFile = (sqlite: Database.Database, role: string | undefined, f: FiledFile) => mayFetch(role, filePermission(sqlite, f));

/** The file's permission, or a refusal before any copy of it is written to the outbox. */
export function assertMayOpenFile(sqlite: Database.Database, role: string | undefined, f: FiledFile): string {
  const permission = filePermission(sqlite, f);
  if (!mayFetch(role, permission)) {
    const who = ROLES.filter((r) => mayFetch(r, permission)).map((r) => ROLE_LABELS[r]).join('、') || '管理员';
    throw new AppError('FORBIDDEN', f.source === '系统打印'
      ? `这份归档的打印件含完整身份证号等个人信息，只有${who}可以查看`
      : `扫描件上的身份证号、电话和银行账号无法遮挡，只有${who}可以查看`);
  }
  return permission;
}
