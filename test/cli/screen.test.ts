import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { stateChunks, writeFileAtomic } from '../../src/cli/commands/screen.js';
import { maskText } from '../../src/index.js';
import { ROOT } from '../helpers/rules.js';

const REGISTER = join(ROOT, 'fixtures', 'registers', 'small.jsonl');
const RULES = join(ROOT, 'rules');
const AS_OF = '2026-06-01T10:00:00+08:00';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: process.stdin, isTTY: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'guiyan-screen-'));
const screenArgs = (dir: string, extra: string[] = []) => ['screen', '--profiles', REGISTER, '--rules', RULES, '--state', join(dir, 'state.json'), '--as-of', AS_OF, '--out', join(dir, 'out.jsonl'), ...extra];
const readLines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('guiyan screen', () => {
  it('writes one delivery a line in the fixed format, and a summary with no phone number in it', async () => {
    const dir = tmp();
    const r = await run(screenArgs(dir));
    expect(r.code).toBe(1); // small.jsonl holds rows that are not valid profiles: reported, skipped, exit 1;
    const lines = readLines(join(dir, 'out.jsonl'));
    expect(lines.length).toBeGreaterThan(0);
    for (const d of lines) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['profileId', 'policyIds', 'channel', 'to', 'text', 'sendAt']));
      expect(d.sendAt).toMatch(/\+08:00$/);
    }
    expect(r.stdout).toMatch(/^已筛查 200 人/);
    expect(r.stdout).toBe(maskText(r.stdout));
    expect(r.stderr).toMatch(/^guiyan screen：--state 已弃用/);
  });

  it('writes nothing on a second run with the same inputs', async () => {
    const dir = tmp();
    await run(screenArgs(dir));
    const r = await run(screenArgs(dir, ['--json']));
    expect(readLines(join(dir, 'out.jsonl'))).toEqual([]);
    expect(JSON.parse(r.stdout)).toMatchObject({ profiles: 200, events: {}, deliveries: {} });
  });

  it('needs --profiles and --state', async () => {
    expect((await run(['screen', '--profiles', REGISTER])).code).toBe(2);
  });

  it('refuses a corrupt state and leaves it as it was', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'state.json'), '{"version":1,"rules":{},"prof');
    const r = await run(screenArgs(dir));
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe('{"version":1,"rules":{},"prof');
  });

  it('ignores a partial temp file left by a killed run', async () => {
    const dir = tmp();
    await run(screenArgs(dir));
    const state = join(dir, 'state.json');
    const good = readFileSync(state, 'utf8');
    writeFileSync(`${state}.4242.abcdef.tmp`, good.slice(0, good.length / 2));
    const r = await run(screenArgs(dir));
    expect(r.code).toBe(1);
    expect(readFileSync(state, 'utf8')).toBe(good);
  });

  it('reports the funnel as a table and as JSON', async () => {
    const dir = tmp();
    await run(screenArgs(dir));
    const table = await run(['report', '--state', join(dir, 'state.json'), '--rules', RULES]);
    expect(table.stdout).toContain('个人创业担保贷款');
    expect(table.stdout.split('\n').at(-1)).toMatch(/^合计/);
    const json = JSON.parse((await run(['report', '--state', join(dir, 'state.json'), '--by', 'region', '--json'])).stdout);
    expect(json[0]).toMatchObject({ key: expect.stringMatching(/^\d{6}$/), pushed: expect.any(Number) });
  });

  it('lists the follow-ups due by a date', async () => {
    const dir = tmp();
    await run(screenArgs(dir));
    const none = JSON.parse((await run(['report', '--state', join(dir, 'state.json'), '--due', '2026-06-07', '--json'])).stdout);
    const week = JSON.parse((await run(['report', '--state', join(dir, 'state.json'), '--due', '2026-06-08', '--json'])).stdout);
    expect(none).toEqual([]);
    expect(week.length).toBeGreaterThan(0);
    expect(week.every((t: { due: string; offset: number }) => t.due === '2026-06-08' && t.offset === 7)).toBe(true);
    expect((await run(['report', '--state', join(dir, 'state.json'), '--due', 'soon'])).code).toBe(2);
  });

  it('puts every follow-up on a named officer who covers the person, with --officers', async () => {
    const dir = tmp();
    expect((await run(screenArgs(dir, ['--officers', join(ROOT, 'fixtures', 'officers.json')]))).code).toBe(1);
    const officers = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'officers.json'), 'utf8')) as { id: string; regions: string[] }[];
    const due = JSON.parse((await run(['report', '--state', join(dir, 'state.json'), '--due', '2026-07-01', '--json'])).stdout) as { officerId: string | null; regionCode?: string }[];
    expect(due.length).toBeGreaterThan(0);
    const covers = (o: { regions: string[] }, region: string) => o.regions.some((r) => region.startsWith(r.replace(/(00)+$/, '')));
    expect(due.some((t) => t.officerId !== null)).toBe(true);
    for (const t of due) {
      // Null where no officer covers both the county and the person's industry.
      if (t.officerId !== null) expect(covers(officers.find((o) => o.id === t.officerId)!, t.regionCode!)).toBe(true);
    }
  });
});

describe('writeFileAtomic', () => {
  it('leaves the old file whole when writing fails midway', async () => {
    const dir = tmp();
    const path = join(dir, 'state.json');
    writeFileSync(path, 'old');
    function* crashing() {
      yield '{"version":1,';
      throw new Error('disk gone');
    }
    await expect(writeFileAtomic(path, crashing())).rejects.toThrow('disk gone');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('reads back, line by line, a state it wrote', async () => {
    const dir = tmp();
    await run(screenArgs(dir));
    const text = readFileSync(join(dir, 'state.json'), 'utf8');
    expect(text.split('\n').length).toBeGreaterThan(150);
    // the same inputs again: the state read line by line equals the one written
    await run(screenArgs(dir));
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(text);
    // a state in any other JSON layout is read too
    writeFileSync(join(dir, 'state.json'), JSON.stringify(JSON.parse(text), null, 2));
    expect((await run(screenArgs(dir))).code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'))).toEqual(JSON.parse(text));
  });

  it('streams a state that reads back equal', async () => {
    const dir = tmp();
    const state = { version: 1 as const, asOf: AS_OF, rules: { a: 'h' }, profiles: { p1: { policies: {} }, p2: { regionCode: '530627', policies: {} } } };
    await writeFileAtomic(join(dir, 's.json'), stateChunks(state));
    expect(JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'))).toEqual(state);
  });

  it('keeps a valid state when the process is killed mid-run', async () => {
    const dir = tmp();
    const big = join(dir, 'big.jsonl');
    const rows = readFileSync(REGISTER, 'utf8').split('\n').filter(Boolean);
    const copies: string[] = [];
    for (let k = 0; k < 40; k++) for (const r of rows) copies.push(r.replace(/"id":"r7-/, `"id":"c${k}-`));
    writeFileSync(big, copies.join('\n'));
    const state = join(dir, 'state.json');
    await run(screenArgs(dir));
    const before = readFileSync(state, 'utf8');
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'screen', '--profiles', big, '--rules', RULES, '--state', state, '--as-of', AS_OF, '--out', join(dir, 'out.jsonl')], { cwd: ROOT, stdio: 'ignore' });
    // Kill as soon as the run is under way: the deliveries temp file exists.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (readdirSync(dir).some((n) => n.endsWith('.tmp')) || child.exitCode !== null) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((r) => child.once('exit', r).once('error', r));
    const after = readFileSync(state, 'utf8');
    // Either the old state or a complete new one: never a torn file.
    if (after !== before) expect(Object.keys(JSON.parse(after).profiles).length).toBeGreaterThan(7000);
    else expect(JSON.parse(after).version).toBe(1);
    expect(existsSync(state)).toBe(true);
  });
});
