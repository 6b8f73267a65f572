import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import pkg from '../../package.json' with { type: 'json' };

const dir = mkdtempSync(join(tmpdir(), 'guiyan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(argv, { stdout: (t) => void (out += `${t}\n`), stderr: (t) => void (err += `${t}\n`), stdin: Readable.from([]), isTTY: false });
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

const profile = join(dir, 'profile.json');
writeFileSync(profile, JSON.stringify({ id: 'cli-1', groups: ['veteran'], hasOtherLoans: false }));
writeFileSync(join(dir, 'broken.json'), '{"id": "x", oops');

describe('the command line as a new user meets it', () => {
  it('prints its version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  it('uses the rules shipped in the package when there is no --rules and no ./rules', async () => {
    const r = await run(['match', profile, '--as-of', '2026-06-01', '--json'], dir);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { evaluations: { policyId: string; status: string }[] }[];
    expect(rows[0]!.evaluations.find((e) => e.policyId === 'cn-guarantee-loan-individual')?.status).toBe('eligible');
  });

  it.each([
    ['a date that is not one', ['match', profile, '--as-of', '2026-13-45']],
    ['an unknown locale', ['match', profile, '--locale', 'fr']],
    ['a missing rules folder', ['match', profile, '--rules', join(dir, 'nope')]],
    ['a profile file that is not JSON', ['match', join(dir, 'broken.json')]],
    ['a missing profile file', ['match', join(dir, 'missing.json')]],
  ])('exits 2 for bad input: %s', async (_, argv) => {
    const r = await run(argv, dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.length).toBeGreaterThan(0);
  });

  it('names the file in a JSON parse error', async () => {
    const r = await run(['match', join(dir, 'broken.json')], dir);
    expect(r.err).toContain('broken.json');
  });
});
