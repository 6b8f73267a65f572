import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/node/index.js';
import { ROOT } from '../helpers/rules.js';
import { cliBundle } from './cli-bundle.js';
import { dropTarget, freshTarget, postgresReachable } from './targets.js';

const REGISTER = join(ROOT, 'fixtures', 'registers', 'small.jsonl');
const RULES = join(ROOT, 'rules');
const AS_OF = '2026-06-01T10:00:00+08:00';
const pgUp = await postgresReachable();
const targets: string[] = [];

export async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: process.stdin, isTTY: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'guiyan-store-cli-'));
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; to: string });
const target = (kind: 'sqlite' | 'postgres') => {
  const t = freshTarget(kind);
  targets.push(t);
  return t;
};
const screenArgs = (store: string, out: string | null, extra: string[] = []) => ['screen', '--profiles', REGISTER, '--rules', RULES, '--store', store, '--as-of', AS_OF, ...(out ? ['--out', out] : []), '--channels', 'both', '--locale', 'en', ...extra];

afterAll(async () => {
  for (const t of targets) await dropTarget(t);
});

describe.each([['sqlite' as const], ['postgres' as const]])('guiyan screen --store (%s)', (kind) => {
  const skip = kind === 'postgres' && !pgUp;

  it.skipIf(skip)('hands deliveries over with their ids, and a second identical run plans nothing and leaves the file alone', async () => {
    const dir = tmp();
    const store = target(kind);
    const out = join(dir, 'out.jsonl');
    const first = await run(screenArgs(store, out, ['--batch', '17']));
    expect(first.code).toBe(1); // small.jsonl holds rows that are not valid profiles: reported, skipped, exit 1;
    expect(first.stdout).toMatch(/^screened 200 people/);
    const sent = lines(out);
    expect(sent.length).toBeGreaterThan(20);
    expect(new Set(sent.map((d) => d.id)).size).toBe(sent.length);
    const second = await run(screenArgs(store, out, ['--json']));
    const again = JSON.parse(second.stdout) as { unchanged: number; invalid: number };
    expect(again).toMatchObject({ profiles: 200, events: {}, deliveries: {}, written: 0 });
    // Every valid person skipped unparsed: same line, same rules, same day.
    expect(again.unchanged + again.invalid).toBe(200);
    expect(lines(out)).toEqual(sent);
    const s = await openStore(store);
    expect(await s.counts()).toMatchObject({ outbox: sent.length, untold: 0 });
    await s.close();
  });

  it.skipIf(skip)('screens again only the people whose line changed, and everyone on another day', async () => {
    const dir = tmp();
    const store = target(kind);
    const register = join(dir, 'r.jsonl');
    const rows = readFileSync(REGISTER, 'utf8').split('\n').filter(Boolean);
    writeFileSync(register, rows.join('\n'));
    const args = (asOf: string) => ['screen', '--profiles', register, '--rules', RULES, '--store', store, '--as-of', asOf, '--out', join(dir, 'o.jsonl'), '--json'];
    const first = JSON.parse((await run(args(AS_OF))).stdout) as { unchanged: number; invalid: number };
    expect(first.unchanged).toBe(0);
    // One person (valid: they were told something) gains a chat id: screened again.
    const told = (lines(join(dir, 'o.jsonl'))[0] as unknown as { profileId: string }).profileId;
    const k = rows.findIndex((l) => (JSON.parse(l) as { id?: string }).id === told);
    const p = JSON.parse(rows[k]!) as { contact?: Record<string, unknown> };
    p.contact = { ...p.contact, wechat: 'wx_new_person' };
    rows[k] = JSON.stringify(p);
    writeFileSync(register, rows.join('\n'));
    const second = JSON.parse((await run(args(AS_OF))).stdout) as { unchanged: number; invalid: number };
    expect(second.unchanged).toBe(200 - first.invalid - 1);
    expect(JSON.parse((await run(args(AS_OF))).stdout)).toMatchObject({ unchanged: 200 - first.invalid });
    const nextDay = JSON.parse((await run(args('2026-06-02T10:00:00+08:00'))).stdout) as { unchanged: number };
    expect(nextDay.unchanged).toBe(0);
  });

  it.skipIf(skip)('marks nothing told without --out: the next run with --out hands every one over', async () => {
    const dir = tmp();
    const store = target(kind);
    const preview = await run(screenArgs(store, null));
    expect(preview.code).toBe(1);
    const shown = preview.stdout.split('\n').map((l) => JSON.parse(l) as { id: string; to: string });
    expect(shown.length).toBeGreaterThan(20);
    expect(shown.every((d) => d.to.startsWith('wx') || /\*{4}/.test(d.to))).toBe(true);
    expect(preview.stderr).toMatch(/waiting in the outbox: \d+/);
    const again = await run(screenArgs(store, null));
    expect(again.stdout.split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(shown.map((d) => d.id));
    const out = join(dir, 'out.jsonl');
    expect((await run(screenArgs(store, out))).code).toBe(1);
    expect(lines(out).map((d) => d.id)).toEqual(shown.map((d) => d.id));
    expect(lines(out).some((d) => /^1\d{10}$/.test(d.to))).toBe(true);
  });

  it.skipIf(skip)('records outcomes and ratings and reports the funnel and the scores', async () => {
    const dir = tmp();
    const store = target(kind);
    const out = join(dir, 'out.jsonl');
    await run(screenArgs(store, out));
    const pushed = lines(out) as unknown as { profileId: string; policyIds: string[] }[];
    for (const [i, d] of pushed.slice(0, 6).entries()) {
      const r = await run(['outcome', '--store', store, '--profile', d.profileId, '--policy', d.policyIds[0]!, '--outcome', i % 2 ? 'granted' : 'applied', ...(i % 2 ? ['--amount', '50000'] : []), '--rating', String(1 + (i % 5)), '--department', '开州区人社局', '--officer', `o${i % 2}`, '--as-of', '2026-06-20']);
      expect(r.code, r.stderr).toBe(0);
    }
    expect((await run(['outcome', '--store', store, '--profile', 'nobody', '--policy', 'x', '--outcome', 'applied'])).code).toBe(2);
    expect((await run(['outcome', '--store', store, '--profile', 'a', '--policy', 'x', '--outcome', 'won'])).code).toBe(2);
    const json = JSON.parse((await run(['report', '--store', store, '--json'])).stdout) as { funnel: { policy: { applied: number; granted: number; grantedAmount: number }[]; region: unknown[] }; scores: { department: unknown[]; officer: unknown[] } };
    const sum = (k: 'applied' | 'granted' | 'grantedAmount') => json.funnel.policy.reduce((t, r) => t + r[k], 0);
    expect([sum('applied'), sum('granted'), sum('grantedAmount')]).toEqual([6, 3, 150000]);
    expect(json.funnel.region.length).toBeGreaterThan(0);
    expect(json.scores.department).toEqual([{ key: '开州区人社局', ratings: 6, score: 2.67 }]);
    expect(json.scores.officer).toEqual([{ key: 'o0', ratings: 3, score: null }, { key: 'o1', ratings: 3, score: null }]);
    const table = await run(['report', '--store', store, '--locale', 'en']);
    expect(table.stdout).toMatch(/department\s+score\s+ratings/);
    expect(table.stdout).toMatch(/under 5/);
  });
});

describe('guiyan screen: inputs and outputs', () => {
  it('refuses --out that names an input or a device, and reports a write error in one line leaving no temp file', async () => {
    const dir = tmp();
    const store = join(dir, 's.db');
    const same = await run(screenArgs(store, REGISTER));
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/is also an input/);
    expect(readFileSync(REGISTER, 'utf8').length).toBeGreaterThan(1000);
    const device = await run(screenArgs(store, '/dev/null'));
    expect(device.code).toBe(2);
    expect(device.stderr).toMatch(/not a regular file/);
    const missing = await run(screenArgs(store, join(dir, 'no', 'such', 'out.jsonl')));
    expect(missing.code).toBe(1);
    // One line for the write error (the register's bad rows are reported before it, one line each).
    expect(missing.stderr.split('\n').filter((l) => !l.startsWith(REGISTER))).toHaveLength(1);
    expect(missing.stderr).toMatch(/cannot write .*out\.jsonl: its folder does not exist/);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Nothing was handed over: the next run with a good --out writes every delivery.
    const out = join(dir, 'out.jsonl');
    expect((await run(screenArgs(store, out))).code).toBe(1);
    expect(lines(out).length).toBeGreaterThan(20);
  });

  // Write errors a test can cause even as root (permissions do not stop root): each is refused
  // before anything is screened (exit 2) or is one line with exit 1, leaves no temp file beside the
  // target, and hands nothing over, so the next run with a good --out writes every delivery.
  const refusals: [string, (dir: string, store: string) => string, number, RegExp][] = [
    ['a folder', (dir) => (mkdirSync(join(dir, 'folder')), join(dir, 'folder')), 2, /not a regular file/],
    ['a character device', () => '/dev/zero', 2, /not a regular file/],
    ['the store file itself', (_dir, store) => store, 2, /is also an input/],
    ['a symbolic link to the register', (dir) => (symlinkSync(REGISTER, join(dir, 'link.jsonl')), join(dir, 'link.jsonl')), 2, /same file as the input/],
    ['a hard link to a copy of the register', (dir) => (writeFileSync(join(dir, 'r.jsonl'), readFileSync(REGISTER)), linkSync(join(dir, 'r.jsonl'), join(dir, 'hard.jsonl')), join(dir, 'hard.jsonl')), 2, /same file as the input/],
    ['a path through a regular file', (dir) => (writeFileSync(join(dir, 'plain'), 'x'), join(dir, 'plain', 'out.jsonl')), 1, /cannot write .*out\.jsonl: a part of its path is not a folder; nothing was written there$/],
    ['a folder that does not exist', (dir) => join(dir, 'no', 'such', 'out.jsonl'), 1, /cannot write .*out\.jsonl: its folder does not exist; nothing was written there$/],
  ];
  it.each(refusals)('--out naming %s: refused or one line, nothing half-written, nothing marked told', async (_what, outOf, code, message) => {
    const dir = tmp();
    const store = join(dir, 's.db');
    const out = outOf(dir, store);
    // The hard-link case screens a copy of the register, so that the link is the same file as an input.
    const register = existsSync(join(dir, 'r.jsonl')) ? join(dir, 'r.jsonl') : REGISTER;
    const before = readFileSync(REGISTER, 'utf8');
    const r = await run(['screen', '--profiles', register, '--rules', RULES, '--store', store, '--as-of', AS_OF, '--out', out, '--locale', 'en']);
    expect(r.code).toBe(code);
    // One line for the refusal or write error; the register's bad rows (file:line) come before it, one line each.
    expect(r.stderr.split('\n').filter((l) => !l.startsWith(register))).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(REGISTER, 'utf8')).toBe(before);
    const temps = (d: string) => (existsSync(d) ? readdirSync(d, { recursive: true }).map(String).filter((n) => n.includes('.guiyan-')) : []);
    expect(temps(dir)).toEqual([]);
    const good = join(dir, 'good.jsonl');
    expect((await run(screenArgs(store, good))).code).toBe(1); // small.jsonl holds rows that are not valid profiles
    expect(lines(good).length).toBeGreaterThan(20);
  });

  it.skipIf(!pgUp)('--out that cannot grow (file size limit, as a full disk): one line, exit 1, the partial temp file removed, and the deliveries still untold', { timeout: 60_000 }, async () => {
    const dir = tmp();
    const store = target('postgres');
    // SQLite's own file would hit the limit too; a PostgreSQL store keeps this process's only file the deliveries.
    const cli = await cliBundle();
    const body = `import { main } from ${JSON.stringify(cli)};\nprocess.exitCode = await main(process.argv.slice(1), { stdout: (t) => process.stdout.write(t + '\\n'), stderr: (t) => process.stderr.write(t + '\\n'), stdin: process.stdin, isTTY: false });`;
    const out = join(dir, 'out.jsonl');
    const child = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      // ulimit -f counts blocks of 512 bytes: 16 KiB, well below the deliveries of the small register.
      const c = spawn('sh', ['-c', 'ulimit -f 32 && exec "$@"', 'sh', process.execPath, '--input-type=module', '-e', body, ...screenArgs(store, out)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      c.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      c.once('error', reject);
      c.once('close', (code) => resolve({ code, stderr }));
    });
    expect(child.code, child.stderr).toBe(1);
    expect(child.stderr.trim().split('\n').filter((l) => !l.startsWith(REGISTER))).toHaveLength(1);
    expect(child.stderr).toMatch(/cannot write .*out\.jsonl: the file grew past the size this process may write; nothing was written there/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.guiyan-'))).toEqual([]);
    const s = await openStore(store);
    const { outbox, untold } = await s.counts();
    await s.close();
    expect(untold).toBe(outbox);
    expect((await run(screenArgs(store, out))).code).toBe(1); // small.jsonl holds rows that are not valid profiles
    expect(lines(out)).toHaveLength(outbox);
  });

  it('says --state is deprecated, and store import moves a state in so a rerun plans nothing', async () => {
    const dir = tmp();
    const state = join(dir, 'state.json');
    const old = await run(['screen', '--profiles', REGISTER, '--rules', RULES, '--state', state, '--as-of', AS_OF, '--out', join(dir, 'old.jsonl')]);
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/--state 已弃用/);
    const store = join(dir, 's.db');
    const imp = await run(['store', 'import', '--state', state, '--store', store]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/^已导入 \d+ 人/);
    const r = await run(['screen', '--profiles', REGISTER, '--rules', RULES, '--store', store, '--as-of', AS_OF, '--out', join(dir, 'new.jsonl'), '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ events: {}, deliveries: {}, written: 0 });
    expect((await run(['store', 'import', '--state', state, '--store', store])).code).toBe(2);
  });

  it('masks profile ids that are phone numbers in disguise, in the summary, the deliveries shown and the reports', async () => {
    const dir = tmp();
    const store = join(dir, 's.db');
    const first = await run(screenArgs(store, join(dir, 'o.jsonl')));
    expect(first.code).toBe(1);
    const told = (lines(join(dir, 'o.jsonl'))[0] as unknown as { profileId: string }).profileId;
    const rows = readFileSync(REGISTER, 'utf8').split('\n').filter(Boolean);
    const row = rows.find((l) => (JSON.parse(l) as { id?: string }).id === told)!;
    const disguised = ['138.1234.5678', '１３９１２３４５６７８'];
    const register = join(dir, 'r.jsonl');
    writeFileSync(register, [row.replace(told, disguised[0]!), row.replace(told, disguised[0]!), row.replace(told, disguised[1]!)].join('\n'));
    const store2 = join(dir, 's2.db');
    const outputs = [
      await run(['screen', '--profiles', register, '--rules', RULES, '--store', store2, '--as-of', AS_OF, '--json']),
      await run(['screen', '--profiles', register, '--rules', RULES, '--store', store2, '--as-of', AS_OF, '--out', join(dir, 'o2.jsonl')]),
      await run(['report', '--store', store2, '--due', '2027-01-01']),
      await run(['report', '--store', store2, '--due', '2027-01-01', '--json']),
      await run(['outcome', '--store', store2, '--profile', disguised[0]!, '--policy', 'no-such-policy', '--outcome', 'applied']),
    ];
    const all = outputs.map((o) => `${o.stdout}\n${o.stderr}`).join('\n');
    expect(all).toMatch(/duplicate|appeared earlier/);
    expect(all).toMatch(/138\*{4}5678/);
    expect(all).toMatch(/139\*{4}5678/);
    expect(all).not.toMatch(/1234\.5678|１２３４/);
    // The deliveries file is for the sender: ids and numbers whole.
    expect(lines(join(dir, 'o2.jsonl')).map((d) => (d as unknown as { profileId: string }).profileId)).toEqual(disguised);
  });

  it('accepts a BOM, and skips a line over the profile size limit at once, by its line number', async () => {
    const dir = tmp();
    const register = join(dir, 'r.jsonl');
    const rows = readFileSync(REGISTER, 'utf8').split('\n').filter(Boolean).slice(0, 5);
    writeFileSync(register, `\uFEFF${rows[0]}\n{"id":"${'x'.repeat(16 << 20)}"}\n${rows.slice(1).join('\r\n')}\n`);
    const started = performance.now();
    const r = await run(['screen', '--profiles', register, '--rules', RULES, '--store', join(dir, 's.db'), '--as-of', AS_OF, '--out', join(dir, 'o.jsonl'), '--json']);
    expect(performance.now() - started).toBeLessThan(10_000);
    const summary = JSON.parse(r.stdout) as { profiles: number; invalid: number; errors: { issues: { code: string; message: string }[] }[] };
    expect(summary.profiles).toBe(6);
    expect(summary.errors.flatMap((e) => e.issues.map((i) => i.code))).toContain('line_too_long');
    expect(summary.errors.flatMap((e) => e.issues.map((i) => i.message)).join()).toMatch(/line 2 is longer than/);
    // The same rows without the BOM and the long line: only the long line more is invalid.
    const clean = join(dir, 'clean.jsonl');
    writeFileSync(clean, `${rows.join('\n')}\n`);
    const base = JSON.parse((await run(['screen', '--profiles', clean, '--rules', RULES, '--store', join(dir, 's2.db'), '--as-of', AS_OF, '--out', join(dir, 'o2.jsonl'), '--json'])).stdout) as { invalid: number };
    expect(summary.invalid).toBe(base.invalid + 1);
    expect(existsSync(join(dir, 'o.jsonl'))).toBe(true);
  });
});
