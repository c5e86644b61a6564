import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { AppError } from './errors';
import { assertUploadable } from './content-type';

/**
 * Files cross the IPC boundary only by name: uploads land in <dataDir>/inbox, produced files
 * (PDF, xlsx) in <dataDir>/outbox. A name can never escape its folder.
 */
export const inboxDir = (dataDir: string) => path.join(dataDir, 'inbox');
export const outboxDir = (dataDir: string) => path.join(dataDir, 'outbox');

const SAFE = /^[\w\u4e00-\u9fa5.\-()（）+#\s]{1,160}$/;

/**
 * Names Windows maps to devices whatever the extension (CON, NUL.txt, COM1.pdf …), and names it silently shortens
 * (a trailing dot or space): either would read or write something other than the file the name promises.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
export const isWindowsReserved = (name: string) => WINDOWS_RESERVED.test(name.trim()) || /[. ]$/.test(name);

export function assertSafeName(name: string): string {
  if (typeof name !== 'string' || !SAFE.test(name) || name.includes('..') || name.startsWith('.') || isWindowsReserved(name)) {
    throw new AppError('BAD_FILE_NAME', `文件名不合法：${String(name).slice(0, 60)}`);
  }
  return name;
}

function inside(dir: string, name: string): string {
  const full = path.resolve(dir, assertSafeName(name));
  if (path.dirname(full) !== path.resolve(dir)) throw new AppError('BAD_FILE_NAME', '文件名不合法');
  return full;
}

/**
 * Saves an upload; returns the inbox name (random prefix keeps two uploads of one name apart). Only kinds the app
 * reads are accepted, checked by content: an HTML page never lands in the inbox, whatever it is called.
 */
export function saveToInbox(dataDir: string, originalName: string, data: Buffer): string {
  if (data.length === 0) throw new AppError('EMPTY_FILE', '文件是空的');
  assertUploadable(data, originalName);
  const base = path.basename(originalName).replace(/[^\w\u4e00-\u9fa5.\-()（）]/g, '_').slice(-100) || 'upload';
  const name = `${crypto.randomBytes(6).toString('hex')}-${base}`;
  fs.mkdirSync(inboxDir(dataDir), { recursive: true });
  // written beside and renamed: a crash mid-write leaves a .part file start-up removes, never a half file under a real name
  const part = path.join(inboxDir(dataDir), `.upload-${crypto.randomBytes(8).toString('hex')}.part`); // our own name
  fs.writeFileSync(part, data, { mode: 0o600 });
  fs.renameSync(part, inside(inboxDir(dataDir), name));
  return name;
}

export function inboxPath(dataDir: string, name: string): string {
  const p = inside(inboxDir(dataDir), name);
  if (!fs.existsSync(p)) throw new AppError('NOT_FOUND', `找不到上传的文件：${name}`);
  return p;
}

/** A path in the outbox for a produced file; the folder is created. */
export function outboxPath(dataDir: string, name: string): string {
  fs.mkdirSync(outboxDir(dataDir), { recursive: true });
  return inside(outboxDir(dataDir), name);
}

/** The original name of an inbox file, without its random prefix. */
export const originalName = (inboxName: string) => inboxName.replace(/^[0-9a-f]{12}-/, '');
