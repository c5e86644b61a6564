import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // a budget against hangs, not a speed target (those are in `npm run bench`): a county import's first call starts a
    // worker thread (1–3 s), and on a loaded 2-core machine a 16 s test took 30–75 s
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
