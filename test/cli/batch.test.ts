import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../recommend/run-cli.js';

const rules = join(import.meta.dirname, '..', '..', 'rules');
const dir = mkdtempSync(join(tmpdir(), 'guiyan-batch-'));
const good = (id: string, regionCode = '451402') => JSON.stringify({ id, regionCode, groups: ['college-graduate'] });

/** Two good rows around a row that is not JSON, a profile with an unknown group (its id a phone number) and a blank line. */
const mixed = join(dir, 'mixed.jsonl');
writeFileSync(mixed, [good('p1'), '{"id": "p2", ', JSON.stringify({ id: '13812345678', groups: ['not-a-group'] }), '', good('p5', '500154')].join('\n'));
const allBad = join(dir, 'all-bad.jsonl');
writeFileSync(allBad, ['nope', JSON.stringify({ groups: [] })].join('\n'));
const folder = join(dir, 'folder');
mkdirSync(folder);
writeFileSync(join(folder, 'a.json'), good('f1'));
writeFileSync(join(folder, 'b.json'), '{ broken');
const single = join(dir, 'single.json');
writeFileSync(single, JSON.stringify({ id: 'x', groups: ['not-a-group'] }));

/** The profile ids of a command's JSON output (an array of per-person rows). */
const ids = (out: string) => (JSON.parse(out) as { profileId: string }[]).map((r) => r.profileId);

describe.each(['match', 'recommend', 'projects'])('guiyan %s on a batch with bad rows', (command) => {
  it('reports each bad row by file, line and masked id on standard error, prints the rest, and exits 1', async () => {
    const { code, out, err } = await run([command, mixed, '--rules', rules, '--as-of', '2026-06-01', '--json']);
    expect(code).toBe(1);
    expect(ids(out)).toEqual(['p1', 'p5']);
    expect(err).toContain(`${mixed}:2: （画像）：不是有效的 JSON`);
    expect(err).toContain(`${mixed}:3 (138****5678): groups.0：取值不在允许范围内`);
    expect(err).not.toContain('13812345678');
    expect(err.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('goes on past a broken file in a folder, naming it', async () => {
    const { code, out, err } = await run([command, folder, '--rules', rules, '--as-of', '2026-06-01', '--json']);
    expect(code).toBe(1);
    expect(ids(out)).toEqual(['f1']);
    expect(err).toContain(`${join(folder, 'b.json')}: （画像）：不是有效的 JSON`);
  });

  it('exits 2 when nothing in the input is a profile, or a single profile file is bad', async () => {
    for (const input of [allBad, single]) {
      const { code, err } = await run([command, input, '--rules', rules, '--as-of', '2026-06-01', '--json']);
      expect(code).toBe(2);
      expect(err).toContain(input);
    }
  });

  it('speaks one language: English with --locale en', async () => {
    const { out, err } = await run([command, mixed, '--rules', rules, '--as-of', '2026-06-01', '--locale', 'en']);
    expect(err).toContain('skipped; the rest go on');
    expect(err).toContain(`${mixed}:2: (profile): not valid JSON`);
    expect(err).toContain(`${mixed}:3 (138****5678): groups.0: Invalid option`);
    expect(err).not.toMatch(/[\u4e00-\u9fff]/);
    // Titles of the sample rules all have English; the table has no Chinese outside quoted document numbers.
    expect(out.replace(/[“"(（][^”")）]*[\u4e00-\u9fff][^”")）]*[”")）]/g, '')).not.toMatch(/[\u4e00-\u9fff]{2}/);
  });
});

describe('--json rows carry the title and the amount for people', () => {
  it.each([
    ['zh-CN', '个人创业担保贷款', '最高30万元'],
    ['en', 'Start-up guarantee loan for individuals', 'up to CNY 300,000'],
  ])('%s', async (locale, title, amountText) => {
    const m = await run(['match', mixed, '--rules', rules, '--as-of', '2026-06-01', '--json', '--locale', locale]);
    const loan = JSON.parse(m.out)[0].evaluations.find((e: { policyId: string }) => e.policyId === 'cn-guarantee-loan-individual');
    expect(loan).toMatchObject({ title, amountText });
    const r = await run(['recommend', mixed, '--rules', rules, '--as-of', '2026-06-01', '--json', '--locale', locale]);
    const rec = JSON.parse(r.out)[0].recommendations.find((e: { policyId: string }) => e.policyId === 'cn-guarantee-loan-individual');
    expect(rec).toMatchObject({ title, amountText });
    const s = await run(['search', '创业担保贷款', '--rules', rules, '--as-of', '2026-06-01', '--json', '--locale', locale]);
    expect(JSON.parse(s.out).find((h: { policyId: string }) => h.policyId === 'cn-guarantee-loan-individual')).toMatchObject({ title, amountText });
  });
});

describe('guiyan screen on a register with bad rows', () => {
  it.each([['--store'], ['--state']])('with %s: each bad row on standard error by line, deliveries as JSON Lines on standard output, exit 1', async (flag) => {
    const where = join(mkdtempSync(join(tmpdir(), 'guiyan-batch-screen-')), flag === '--store' ? 's.db' : 'state.json');
    const { code, out, err } = await run(['screen', '--profiles', mixed, '--rules', rules, flag, where, '--as-of', '2026-06-01T10:00:00+08:00', '--json']);
    expect(code).toBe(1);
    expect(err).toContain(`${mixed}:2: `);
    expect(err).toContain(`${mixed}:3 (138****5678): groups.0：取值不在允许范围内`);
    expect(err).not.toContain('13812345678');
    const lines = out.split('\n').filter(Boolean);
    for (const l of lines) expect(JSON.parse(l)).toMatchObject({ profileId: expect.any(String), text: expect.any(String) });
  });
});

describe('--json is data only on standard output, for every command', () => {
  const store = join(mkdtempSync(join(tmpdir(), 'guiyan-json-')), 's.db');
  const profile = join(import.meta.dirname, '..', '..', 'fixtures', 'profiles', 'seed', 'huang-lixing.json');
  const register = join(import.meta.dirname, '..', '..', 'fixtures', 'registers', 'small.jsonl');
  const jsonLines = (out: string) => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
  it.each([
    ['match', ['match', profile], JSON.parse],
    ['recommend', ['recommend', profile], JSON.parse],
    ['projects', ['projects', profile], JSON.parse],
    ['search', ['search', '贷款', '--profile', profile], JSON.parse],
    ['ask', ['ask', profile, '--max', '2'], JSON.parse],
    ['chat', ['chat'], jsonLines],
    ['lint', ['lint', rules], JSON.parse],
    ['test', ['test'], JSON.parse],
  ] as const)('%s', async (_name, argv, read) => {
    const { code, out } = await run([...argv, '--rules', rules, '--as-of', '2026-06-01', '--json', '--locale', 'en'], '你好\n是\n');
    expect(code).toBeLessThan(2);
    expect(() => read(out)).not.toThrow();
  });

  it('screen, store info, outcome and report', async () => {
    const opts = ['--rules', rules, '--json', '--locale', 'en'];
    const screened = await run(['screen', '--profiles', register, '--store', store, '--as-of', '2026-06-01', ...opts]);
    const [first] = jsonLines(screened.out) as { profileId: string; policyIds: string[] }[];
    expect(first).toBeDefined();
    for (const argv of [
      ['store', 'info', '--store', store],
      ['outcome', '--store', store, '--profile', first!.profileId, '--policy', first!.policyIds[0]!, '--outcome', 'applied', '--as-of', '2026-06-20'],
      ['report', '--store', store],
    ]) {
      const { code, out, err } = await run([...argv, ...opts]);
      expect(code, err).toBe(0);
      expect(() => JSON.parse(out)).not.toThrow();
    }
  });
});
