import fs from 'node:fs';
import path from 'node:path';
import { maskForLog, maskText } from './mask';

export interface Logger {
  call(e: { channel: string; user: string; input: unknown; ms: number; outcome: string }): void;
  error(context: string, e: unknown): void;
  info(message: string): void;
}

/** Appends masked lines to <dataDir>/logs/dibao-YYYY-MM-DD.log. Never logs raw 身份证号/phone/bank numbers. */
export function createLogger(dataDir: string, echo = false): Logger {
  const dir = path.join(dataDir, 'logs');
  const write = (line: string) => {
    const masked = maskText(line);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.appendFileSync(path.join(dir, `dibao-${new Date().toISOString().slice(0, 10)}.log`), masked + '\n');
    } catch { /* logging must never break a call (read-only or full disk) */ }
    if (echo) process.stderr.write(masked + '\n');
  };
  return {
    call: (e) => write(`${new Date().toISOString()} CALL ${e.channel} user=${e.user} ${e.outcome} ${e.ms}ms input=${maskForLog(e.input)}`),
    error: (ctx, e) => write(`${new Date().toISOString()} ERROR ${ctx} ${(e as Error)?.stack ?? String(e)}`),
    info: (m) => write(`${new Date().toISOString()} INFO ${m}`),
  };
}
