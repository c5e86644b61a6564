// Generates the next drizzle migration from src-main/db/schema/*. Serialized with a lock file so two
// developers (or agents) generating at once cannot both write migration NNNN.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const name = process.argv[2] ?? 'change';
const lock = '.drizzle-generate.lock';
for (let i = 0; ; i++) {
  try { fs.writeFileSync(lock, String(process.pid), { flag: 'wx' }); break; } catch {
    if (i > 600) { console.error('another db:generate holds .drizzle-generate.lock'); process.exit(1); }
    execFileSync('sleep', ['0.5']);
  }
}
try {
  execFileSync('npx', ['drizzle-kit', 'generate', '--name', name], { stdio: 'inherit' });
} finally { fs.rmSync(lock, { force: true }); }
