/** One row of `npm run bench`: a measured value, its unit, the target and the ratio to a baseline run in the same process. */
export interface BenchRow { name: string; value: number; unit: string; target?: string; baseline?: number; ratio?: number }

/** Runs fn once and reports wall time and the peak RSS growth seen by sampling every 5 ms. */
export async function measure<T>(fn: () => Promise<T> | T): Promise<{ ms: number; peakMb: number; result: T }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  const t0 = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ms, peakMb: (peak - base) / 1048576, result };
  } finally { clearInterval(timer); }
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** A township in a fresh temp data dir, set up through the real setup channel, and a `call` that throws on errors. */
export async function benchTownship(name: string, init: { demo: boolean; households?: number }) {
  const { default: fs } = await import('node:fs');
  const { default: os } = await import('node:os');
  const { default: path } = await import('node:path');
  const { createServices, CLI_ACTOR } = await import('../src-main/services');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dibao-bench-${name}-`));
  const s = createServices(dir);
  const call = async (channel: string, input: unknown) => {
    const r = await s.router.call({ channel, input, actor: CLI_ACTOR });
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- bench code reads whatever it asked for
  };
  await call('setup.init', { township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
    admin: { username: 'admin', displayName: '管理员', password: 'admin123' }, ...init });
  return { dir, s, call };
}

/**
 * Fills a bench township (not timed): 12 villages, households of 1–4 members (every member a distinct valid
 * 身份证号, the first the 户主), 500 元 a member, until `households` or `members` is reached, whichever comes first.
 * `each` runs inside the same transaction for every household (a bench adds its decisions there). Returns the
 * number of members.
 */
export async function fillTownship(sqlite: import('better-sqlite3').Database, limit: { households?: number; members?: number },
  each?: (h: { id: number; index: number; fen: number }) => void): Promise<number> {
  const { insertRegion } = await import('../src-main/features/regions/channels');
  const { makeIdNumber } = await import('../src-main/domain/idNumber');
  const maxHouseholds = limit.households ?? Infinity;
  const maxMembers = limit.members ?? Infinity;
  const root = sqlite.prepare("SELECT id FROM regions WHERE level = 'township'").pluck().get() as number;
  const villages = Array.from({ length: 12 }, (_, v) => insertRegion(sqlite, root, 'village', `第${v + 1}村`, v + 1));
  const hh = sqlite.prepare(`INSERT INTO households (certificate_no, category, status, village_id, address, start_month, causes, bank_name, bank_account,
    monthly_amount_fen, top_up_fen, created_at, updated_at) VALUES (?, '农村低保', '在保', ?, '', '2020-01', '["因病"]', '农村信用社', ?, ?, 0, '', '')`);
  const mm = sqlite.prepare(`INSERT INTO members (household_id, name, id_number, sex, birth_date, relation, labour_capacity, created_at)
    VALUES (?, ?, ?, ?, ?, ?, '有', '')`);
  const head = sqlite.prepare('UPDATE households SET head_member_id = ? WHERE id = ?');
  let i = 0;
  sqlite.transaction(() => {
    for (let h = 0; h < maxHouseholds && i < maxMembers; h++) {
      const size = Math.min(1 + (h % 4), maxMembers - i);
      const fen = size * 50000;
      const id = Number(hh.run(`510902${String(h).padStart(6, '0')}`, villages[h % 12], `6228${String(h).padStart(15, '0')}`, fen).lastInsertRowid);
      for (let k = 0; k < size; k++, i++) {
        const birth = new Date(Date.UTC(1930, 0, 1 + (i % 25000))).toISOString().slice(0, 10);
        const male = k % 2 === 0;
        const mid = Number(mm.run(id, `成员${i}`, makeIdNumber('510902', birth, Math.floor(i / 25000) * 2, male), male ? '男' : '女', birth,
          k === 0 ? '户主' : '其他').lastInsertRowid);
        if (k === 0) head.run(mid, id);
      }
      each?.({ id, index: h, fen });
    }
  })();
  return i;
}
