import { defineConfig } from 'vitest/config';

/**
 * Suites whose results depend on civil dates or wall-clock times: they run a second time under
 * Asia/Shanghai (UTC+8), where reading the host zone instead of the caller's `asOf` shows up as a
 * day or an hour off. Every suite runs under UTC. `test/zone.test.ts` checks that each project
 * really runs in its zone and that every file named here exists.
 */
export const DATE_SENSITIVE = [
  'test/core/**/*.test.ts', // civil dates, asOf resolution
  'test/engine/civil.test.ts', // ages, months since, deadlines
  'test/engine/verdict.test.ts',
  'test/fixtures.test.ts', // every fixture profile at its asOf
  'test/policy/rule-cases.test.ts', // the cases embedded in rule files
  'test/screen/**/*.test.ts', // quiet hours, sendAt with offset, frequency caps
  'test/cli/screen.test.ts',
  'test/followup/**/*.test.ts', // follow-up due dates
  'test/messages/**/*.test.ts', // deadlines in message text
  'test/ask/**/*.test.ts', // dates read from answers
  'test/cli/ask.test.ts',
  'test/converse/huang.test.ts', // "去年回来" and other relative dates
  'test/converse/corpus.test.ts',
  'test/converse/honesty.test.ts',
  'test/recommend/**/*.test.ts', // deadlines and near misses in time
  'test/projects/recommend.test.ts',
  'test/lint/lint.test.ts', // expiry findings at asOf
  'test/understand/**/*.test.ts', // "去年", "上个月" read against asOf
  'test/sql/differential.test.ts', // ages and months since computed by the SQL engines at asOf
  'test/zone.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Test files share their workers' module graph: the sources, zod schemas and parsed rules are
    // loaded once per worker instead of once per file (import time was half the run). Suites keep
    // no global state between files; each project still gets its own workers and time zone.
    isolate: false,
    projects: [
      { extends: true, test: { name: 'utc', include: ['test/**/*.test.ts'], env: { TZ: 'UTC' }, provide: { zone: 'UTC' } } },
      { extends: true, test: { name: 'shanghai', include: DATE_SENSITIVE, env: { TZ: 'Asia/Shanghai' }, provide: { zone: 'Asia/Shanghai' } } },
    ],
  },
});
