import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../ipc/errors';

/**
 * Where a package goes: a folder the user typed or picked (a USB drive or any folder). This is the one place a
 * raw path crosses from the window, so it must exist, be a directory, be writable, and lie outside the data dir.
 */
export function validateDestination(dest: string, dataDir: string): string {
  const full = path.resolve(dest);
  let st: fs.Stats;
  try { st = fs.statSync(full); } catch { throw new AppError('BAD_DESTINATION', `目标位置不存在：${full}（请插好U盘或先建好文件夹）`); }
  if (!st.isDirectory()) throw new AppError('BAD_DESTINATION', `目标位置不是文件夹：${full}`);
  const data = fs.realpathSync(path.resolve(dataDir));
  const real = fs.realpathSync(full);
  if (real === data || real.startsWith(data + path.sep)) throw new AppError('BAD_DESTINATION', '不能导出到本系统的数据目录中，请选择U盘或其他文件夹');
  try { fs.accessSync(real, fs.constants.W_OK); } catch { throw new AppError('READ_ONLY', `目标位置不可写（只读或无权限）：${full}`); }
  return real;
}

export interface Drive { path: string; label: string; freeBytes: number | null }

/** Removable drives as far as the OS shows them: /media/*, /run/media/USER/* on Linux, drive letters D:–Z: on Windows. */
export function listRemovableDrives(): Drive[] {
  const candidates = process.platform === 'win32'
    ? 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `${l}:\\`)
    : linuxMounts() ?? [...children('/media'), ...children('/run/media').flatMap(children)];
  return candidates.filter(isDir).map((p) => ({ path: p, label: path.basename(p) || p, freeBytes: freeBytes(p) }));
}

/** Mount points under /media or /run/media from /proc/mounts (null where there is no /proc). */
function linuxMounts(): string[] | null {
  let text: string;
  try { text = fs.readFileSync('/proc/mounts', 'utf8'); } catch { return null; }
  return text.split('\n').map((l) => l.split(' ')[1]?.replace(/\\040/g, ' '))
    .filter((m): m is string => !!m && (m.startsWith('/media/') || m.startsWith('/run/media/')));
}

function children(dir: string): string[] {
  try { return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(dir, d.name)); } catch { return []; }
}

const isDir = (p: string) => { try { return fs.statSync(p).isDirectory(); } catch { return false; } };

function freeBytes(p: string): number | null {
  try { const s = fs.statfsSync(p); return s.bavail * s.bsize; } catch { return null; }
}
