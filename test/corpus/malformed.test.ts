import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PolicyValidationError, type PolicyIssue } from '../../src/index.js';
import { loadPolicyDir } from '../../src/node/index.js';

const CORPUS = join(import.meta.dirname, 'malformed');
const expected = parse(readFileSync(join(CORPUS, 'expected.yaml'), 'utf8')) as Record<string, { code: string; line?: number; column?: number }[]>;

const rule = (id: string, eligibility: string) => `id: ${id}\nkind: subsidy\ntitle: { zh-CN: 测试 }\nsource: { title: 测试文件 }\nsample: true\neligibility: ${eligibility}\n`;

/** Files too large to commit, made at test time with what they must produce. */
const GENERATED: Record<string, { text: () => string; want: { code: string; line?: number; column?: number }[] }> = {
  'huge-10mb.yaml': { text: () => rule('huge', `{ op: all, of: [] }\n# ${'x'.repeat(10 * 1024 * 1024)}`), want: [{ code: 'file_too_large' }] },
  'nested-5000.yaml': {
    text: () => rule('nested', '{ op: not, of: '.repeat(5000) + '{ op: present, field: birthDate }' + ' }'.repeat(5000)),
    want: [{ code: 'too_deep', line: 6 }],
  },
  'brackets-100k.yaml': { text: () => rule('brackets', '['.repeat(100_000)), want: [{ code: 'too_deep', line: 6 }] },
};

const dir = mkdtempSync(join(tmpdir(), 'guiyan-malformed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function loadAll(): Promise<PolicyIssue[]> {
  for (const f of readdirSync(CORPUS)) if (f !== 'expected.yaml') cpSync(join(CORPUS, f), join(dir, f));
  for (const [name, g] of Object.entries(GENERATED)) writeFileSync(join(dir, name), g.text());
  return loadPolicyDir(dir).then(
    () => {
      throw new Error('the corpus loaded without error');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(PolicyValidationError);
      return (e as PolicyValidationError).issues;
    },
  );
}

describe('the malformed-rule corpus', async () => {
  const issues = await loadAll();
  const byFile = new Map<string, PolicyIssue[]>();
  for (const i of issues) byFile.set(basename(i.file!), [...(byFile.get(basename(i.file!)) ?? []), i]);
  const files = readdirSync(CORPUS).filter((f) => f !== 'expected.yaml');

  it('holds at least 50 broken files, each listed in the manifest', () => {
    expect(files.length + Object.keys(GENERATED).length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(expected).sort()).toEqual([...files].sort());
  });

  it('reports every problem of every file in one PolicyValidationError', () => {
    const broken = files.filter((f) => expected[f]!.length > 0);
    expect([...byFile.keys()].filter((f) => !f.startsWith('huge') && !f.startsWith('nested') && !f.startsWith('brackets')).sort()).toEqual(broken.sort());
  });

  it.each(files.map((f) => [f] as const))('%s gives its code, line and column', (file) => {
    const got = (byFile.get(file) ?? []).map((i) => ({ code: i.code, line: i.line, column: i.column }));
    expect(got).toEqual(expected[file]!.map((w) => ({ code: w.code, line: w.line, column: w.column })));
    for (const i of byFile.get(file) ?? []) expect(i.message.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(GENERATED).map((f) => [f] as const))('generated %s gives its code', (file) => {
    expect(byFile.get(file)).toMatchObject(GENERATED[file]!.want);
  });

  it('leaves Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
