import fs from 'node:fs';
import path from 'node:path';
import { maskForLog, maskText } from './mask';

export interface Logger {
  call(e: { channel: string; user: string; input: unknown; ms: number; outcome: string }): void;
  error(context: string, e: unknown): void;
  info(message: string): void;
}

/**
 * Appends masked lines to <dataDir>/logs/dibao-YYYY-MM-DD.log. Never logs raw 身份证号/phone/bank numbers; the
 * caller removes secrets by schema field first (ipc/secret.ts). The folder is 0700 and each file 0600: a log names
 * people and cases, so other accounts on the PC may not read it.
 */
export function createLogger(dataDir: string, echo = false): Logger {
  const dir = path.join(dataDir, 'logs');
  const write = (line: string) => {
    const masked = maskText(line);
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `dibao-${new Date().toISOString().slice(0, 10)}.log`);
      fs.appendFileSync(file, masked + '\n', { mode: 0o600 });
    } catch { /* logging must never break a call (read-only or full disk) */ }
    if (echo) process.stderr.write(masked + '\n');
  };
  tightenExisting(dir);
  return {
    call: (e) => write(`${new Date().toISOString()} CALL ${e.channel} user=${e.user} ${e.outcome} ${e.ms}ms input=${maskForLog(e.input)}`),
    error: (ctx, e) => write(`${new Date().toISOString()} ERROR ${ctx} ${(e as Error)?.stack ?? String(e)}`),
    info: (m) => write(`${new Date().toISOString()} INFO ${m}`),
  };
}

/** Logs written by older versions (0644) are closed down once at start-up. */
function tightenExisting(dir: string) {
  try {
    fs.chmodSync(dir, 0o700);
    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o600);
  } catch { /* no logs yet, or a file system without modes (FAT USB stick, Windows) */ }
}
