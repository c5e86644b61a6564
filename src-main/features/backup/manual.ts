import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../ipc/errors';
import { ARCHIVE_STORE, archiveStoreEntries } from './manifest';

const invalid = (message: string) => new AppError('VALIDATION', message);

/**
 * The folder of a manual backup (USB stick, another disk). Only an existing, writable folder given by its
 * full path; never the data dir or a folder inside it (a failing disk would take the backup with it).
 */
export function validateTargetDir(dataDir: string, toDir: string): string {
  if (toDir.includes('\0') || !path.isAbsolute(toDir)) throw invalid('请填写备份文件夹的完整路径（如 E:\\低保备份 或 /media/usb/低保备份）');
  let real: string;
  try { real = fs.realpathSync(toDir); } catch { throw invalid(`备份文件夹不存在：${toDir.slice(0, 200)}`); }
  if (!fs.statSync(real).isDirectory()) throw invalid(`不是文件夹：${toDir.slice(0, 200)}`);
  const data = fs.realpathSync(dataDir);
  if (real === data || real.startsWith(data + path.sep)) {
    throw invalid('不能备份到数据目录本身或其中的文件夹（磁盘损坏时备份会一起丢失），请选择U盘或其他磁盘上的文件夹');
  }
  try { fs.accessSync(real, fs.constants.W_OK); } catch { throw invalid(`备份文件夹不可写（只读或无权限）：${toDir.slice(0, 200)}`); }
  return real;
}

/**
 * Copies the archive store's files that the target folder lacks. Files are content-addressed, so a file
 * already there under its name is the same file: repeated USB backups copy only the new scans.
 */
export function copyArchiveStore(dataDir: string, toDir: string, progress?: (done: number, total: number) => void): number {
  const entries = archiveStoreEntries(dataDir);
  let copied = 0;
  entries.forEach((e, i) => {
    const from = path.join(dataDir, ARCHIVE_STORE, e.name);
    const to = path.join(toDir, ARCHIVE_STORE, e.name);
    if (!fs.existsSync(to) || fs.statSync(to).size !== e.size) {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, `${to}.partial`);
      fs.renameSync(`${to}.partial`, to);
      copied++;
    }
    progress?.(i + 1, entries.length); // skipped files count too, or a repeat backup's bar stands still
  });
  return copied;
}
