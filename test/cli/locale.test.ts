import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { GENDERS, GROUPS } from '../../src/profile/vocabulary.js';
import { ProfileSchema } from '../../src/profile/schema.js';
import { run } from '../recommend/run-cli.js';

/**
 * One language per run: each command, given bad usage or bad input, explains it on standard error
 * in the run's locale only. Options, file names, field paths, codes and the values a message lists
 * stay as typed; every other word is Chinese in a zh-CN run and English in an en run.
 */
const rules = join(import.meta.dirname, '..', '..', 'rules');
const dir = mkdtempSync(join(tmpdir(), 'guiyan-locale-'));
const person = { id: 'p1', regionCode: '500154', birthDate: '1990-01-01' };
const good = join(dir, 'good.json');
writeFileSync(good, JSON.stringify(person));
const badOne = join(dir, 'bad.json');
writeFileSync(badOne, JSON.stringify({ id: '13812345678', gender: 5, hometown: 'x', birthDate: '1990-02-30' }));
// Not JSON, a region not in the division table, a date that is not a date, an unknown group, a phone that is not one.
const register = join(dir, 'register.jsonl');
writeFileSync(
  register,
  [
    JSON.stringify(person),
    '{"id": "p2", ',
    JSON.stringify({ ...person, id: 'p3', regionCode: '999999' }),
    JSON.stringify({ ...person, id: 'p4', birthDate: 'not a date' }),
    JSON.stringify({ ...person, id: 'p5', groups: ['not-a-group'], contact: { phone: 'call me' } }),
    JSON.stringify({ ...person, id: 'p6', regionCode: '50015' }),
  ].join('\n'),
);
const brokenJson = join(dir, 'broken.json');
writeFileSync(brokenJson, '{ broken');
const store = join(dir, 's.db');

/** [what, argv, exit code]. Each run gets --locale. */
const CASES: [string, string[], number][] = [
  ['an unknown command', ['nope'], 2],
  ['match: an unknown option', ['match', good, '--nope'], 2],
  ['match: an option without its value', ['match', good, '--as-of'], 2],
  ['match: a flag given a value', ['match', good, '--json=yes'], 2],
  ['match: bad rows in a register', ['match', register, '--as-of', '2026-06-01'], 1],
  ['match: a bad --as-of', ['match', good, '--as-of', '2026-13-01'], 2],
  ['match: a missing file', ['match', join(dir, 'missing.json')], 2],
  ['match: not JSON', ['match', brokenJson], 2],
  ['match: a rules folder that is missing', ['match', good, '--rules', join(dir, 'no-rules')], 2],
  ['recommend: a bad --limit', ['recommend', good, '--limit', 'x'], 2],
  ['recommend: bad rows', ['recommend', register, '--as-of', '2026-06-01'], 1],
  ['projects: two profiles', ['projects', good, good], 2],
  ['search: no query', ['search'], 2],
  ['search: a bad profile', ['search', '贷款', '--profile', badOne], 2],
  ['ask: a bad profile', ['ask', badOne], 2],
  ['chat: a bad --channel', ['chat', '--channel', 'fax'], 2],
  ['screen: no store', ['screen', '--profiles', register], 2],
  ['screen: bad rows', ['screen', '--profiles', register, '--store', store, '--as-of', '2026-06-01'], 1],
  ['store: no action', ['store'], 2],
  ['outcome: a missing option', ['outcome', '--store', store], 2],
  ['outcome: a rating out of range', ['outcome', '--store', store, '--profile', 'p1', '--policy', 'x', '--outcome', 'granted', '--rating', '9', '--department', 'd'], 2],
  ['find: no register', ['find'], 2],
  ['find: bad rows in a register', ['find', '--register', register, '--as-of', '2026-06-01'], 1],
  ['report: a bad --due', ['report', '--store', store, '--due', 'soon'], 2],
  ['lint: two folders', ['lint', dir, dir], 2],
  ['test: an unexpected argument', ['test', '--stale'], 2],
];

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/u;
/** Words a zh-CN line may keep in ASCII: names of the program and its commands, URL schemes, option values and vocabulary codes. */
const CODES = new Set([
  'guiyan',
  'postgres',
  ...COMMANDS.map((c) => c.name),
  ...['sms', 'chat', 'prefer', 'both', 'import', 'info', 'policy', 'region', 'fax', 'min', 'max'],
  ...[GROUPS, GENDERS].flatMap((list) => list.flatMap((c) => c.value.split('-'))),
  // Field names, and the unknown key the bad profile brings.
  ...Object.keys(ProfileSchema.shape),
  'hometown',
]);

/** The English words of a line: ASCII letter runs that are not options, paths, codes, field names, metavariables or quoted values. */
function englishWords(line: string): string[] {
  return line
    .replace(/"[^"]*"|“[^”]*”/g, ' ')
    .split(/[\s，。；：、（）()“”「」,;:|]+/u)
    .flatMap((tok) => tok.split(/[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]+/u))
    .filter((t) => /^[A-Za-z]+$/.test(t))
    .filter((t) => !/^[A-Z0-9]+$/.test(t) && !/[A-Z]/.test(t.slice(1)) && !CODES.has(t));
}

describe('one language per run: usage errors and bad input on standard error', () => {
  it.each(CASES)('%s', async (_what, argv, code) => {
    const zh = await run([...argv, '--locale', 'zh-CN']);
    const en = await run([...argv, '--locale', 'en']);
    expect(zh.code).toBe(code);
    expect(en.code).toBe(code);
    const zhLines = zh.err.split('\n').filter((l) => l.trim() && !l.startsWith('  '));
    const enLines = en.err.split('\n').filter((l) => l.trim() && !l.startsWith('  '));
    expect(zhLines.length).toBeGreaterThan(0);
    expect(enLines.length).toBeGreaterThan(0);
    for (const l of zhLines) {
      expect(l, l).toMatch(CJK);
      expect(englishWords(l), l).toEqual([]);
    }
    // File names and the values a message quotes may hold Chinese; nothing else does.
    for (const l of enLines) expect(l.replaceAll(dir, '').replace(/"[^"]*"/g, ''), l).not.toMatch(CJK);
  }, 60_000);

  it('an unknown --locale is reported in zh-CN, the default', async () => {
    const r = await run(['match', good, '--locale', 'fr']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('guiyan match：--locale 只能是 zh-CN 或 en，不能是 fr');
  });

  it('a profile problem reads the same in both languages, field by field', async () => {
    const zh = await run(['match', register, '--as-of', '2026-06-01', '--locale', 'zh-CN']);
    const en = await run(['match', register, '--as-of', '2026-06-01', '--locale', 'en']);
    expect(zh.err.split('\n')).toEqual([
      `${register}:2: （画像）：不是有效的 JSON — 已跳过，其余照常处理`,
      `${register}:3 (p3): regionCode：不是全国行政区划表（GB/T 2260）中的代码 — 已跳过，其余照常处理`,
      `${register}:4 (p4): birthDate：写法不对（应为一个值或 {min, max} 范围） — 已跳过，其余照常处理`,
      expect.stringMatching(new RegExp(`^${register}:5 \\(p5\\): groups\\.0：取值不在允许范围内（可选：returning-migrant-worker、.*）；contact\\.phone：应为电话号码 — 已跳过，其余照常处理$`)),
      `${register}:6 (p6): regionCode：应为6位行政区划代码（GB/T 2260）；regionCode：不是全国行政区划表（GB/T 2260）中的代码 — 已跳过，其余照常处理`,
    ]);
    expect(en.err.split('\n')[1]).toBe(`${register}:3 (p3): regionCode: not a code in the national division table (GB/T 2260) — skipped; the rest go on`);
  });

  it.each([['--help'], ...COMMANDS.map((c) => [c.name, '--help'])])('help: guiyan %s %s', async (...argv) => {
    const zh = await run([...argv.filter(Boolean), '--locale', 'zh-CN']);
    const en = await run([...argv.filter(Boolean), '--locale', 'en']);
    expect(zh.code).toBe(0);
    expect(en.code).toBe(0);
    // Prose lines (not the synopsis, an option's own name or an example command) are Chinese in zh-CN …
    const prose = (out: string) => out.split('\n').filter((l) => l.trim() && !l.startsWith('guiyan ') && !/^\s+(printf|--|-h)/.test(l));
    for (const l of prose(zh.out)) expect(l, l).toMatch(CJK);
    // … and English in en, but for quoted examples of what people type and the SMS signature.
    for (const l of prose(en.out)) expect(l.replace(/"[^"]*"|'[^']*'|【[^】]*】|归雁服务/g, ''), l).not.toMatch(CJK);
    expect(zh.out).not.toBe(en.out);
  });
});
