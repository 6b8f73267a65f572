import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/rules.js';

async function run(argv: string[]) {
  const out: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => out.push(t), stdin: process.stdin, isTTY: false });
  return { code, out: out.join('\n') };
}

describe('guiyan test', () => {
  it('runs every case of the project rules, policies and projects alike, and passes', async () => {
    const r = await run(['test', '--rules', join(ROOT, 'rules'), '--json']);
    expect(r.code).toBe(0);
    const { passed, failed } = JSON.parse(r.out) as { passed: number; failed: number };
    expect(failed).toBe(0);
    expect(passed).toBeGreaterThan(180);
  });

  it('names the file and the case of a failure, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guiyan-test-'));
    mkdirSync(join(dir, 'national'));
    const text = readFileSync(join(ROOT, 'rules', 'national', 'cn-guarantee-loan-individual.yaml'), 'utf8');
    writeFileSync(join(dir, 'national', 'loan.yaml'), text.replace('max: 150000 } }\n  - name: the cap is 150000 the day before', 'max: 999 } }\n  - name: the cap is 150000 the day before'));
    cpSync(join(ROOT, 'rules', 'projects', 'kaizhou'), join(dir, 'projects', 'kaizhou'), { recursive: true });
    const r = await run(['test', '--rules', dir, '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL .*loan\.yaml — the cap is 150000 from 国发〔2018〕39号\n {2}amount: expected/);
    expect(r.out).toMatch(/\d+ passed, 1 failed$/);
  });
});
