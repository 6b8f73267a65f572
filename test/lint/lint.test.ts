import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { lintSources } from '../../src/lint/index.js';
import { readRuleSources } from '../../src/node/index.js';
import { ROOT } from '../helpers/rules.js';

const national = (id: string, body: string) =>
  `id: ${id}\nkind: subsidy\ntitle: { zh-CN: 测试 }\nsource: { title: 某某通知（财金〔2020〕21号）, issuer: 财政部, date: 2020-04-10, reviewed: 2026-01-01, documents: [{ number: 财金〔2020〕21号, title: 某某通知 }] }\n${body}`;
const sample = (id: string, body: string) => `id: ${id}\nkind: subsidy\ntitle: { zh-CN: 测试 }\nsample: true\nsource: { title: 示例 }\n${body}`;
const AS_OF = '2026-06-01';

function codes(text: string, extra: { name: string; text: string }[] = []) {
  return lintSources([{ name: 'r.yaml', text }, ...extra], { asOf: AS_OF }).filter((f) => f.file === 'r.yaml').map((f) => [f.severity, f.code, f.line] as const);
}

describe('guiyan lint finds', () => {
  it.each([
    ['nothing in a clean national rule', national('clean', 'eligibility: { op: eq, field: hasOtherLoans, value: false, clause: 财金〔2020〕21号 二 }'), []],
    ['a misspelled field, with a did-you-mean', sample('typo', 'eligibility: { op: gte, field: business.employes, value: 3 }'), [['error', 'unknown_field', 6]]],
    ['age > 60 and age < 18 in one all', sample('never', 'eligibility:\n  op: all\n  of:\n    - { op: gt, field: birthDate, measure: age, value: 60 }\n    - { op: lt, field: birthDate, measure: age, value: 18 }'), [['error', 'never_true', 7]]],
    ['two different values required of one choice', sample('two-forms', 'eligibility:\n  op: all\n  of:\n    - { op: eq, field: business.form, value: cooperative }\n    - { op: in, field: business.form, values: [family-farm, other] }'), [['error', 'never_true', 7]]],
    ['a count below zero', sample('neg-count', 'eligibility: { op: lt, field: business.employees, value: 0 }'), [['error', 'never_true', 6]]],
    ['whole numbers strictly between 2 and 3', sample('int-gap', 'eligibility:\n  op: all\n  of:\n    - { op: gt, field: birthDate, measure: age, value: 2 }\n    - { op: lt, field: birthDate, measure: age, value: 3 }'), [['error', 'never_true', 7]]],
    ['an any that always passes', sample('always', 'eligibility:\n  op: any\n  of:\n    - { op: lt, field: business.employees, value: 10 }\n    - { op: gte, field: business.employees, value: 5 }'), [['warning', 'never_false', 7]]],
    ['yes or no', sample('yes-no', 'eligibility:\n  op: any\n  of:\n    - { op: eq, field: hasOtherLoans, value: true }\n    - { op: ne, field: hasOtherLoans, value: true }'), [['warning', 'never_false', 7]]],
    ['a bound every count meets', sample('ge-zero', 'eligibility: { op: gte, field: business.employees, value: 0 }'), [['warning', 'never_false', 6]]],
    ['present on a field that cannot be none', sample('present', 'eligibility: { op: present, field: hasOtherLoans }'), [['warning', 'never_false', 6]]],
    ['an empty any', sample('empty-any', 'eligibility: { op: any, of: [] }'), [['warning', 'never_true', 6]]],
    ['a window that has ended', sample('ended', 'validTo: 2025-12-31\neligibility: { op: all, of: [] }'), [['warning', 'expired', 6]]],
    ['a parameter not updated in five years', national('stale', 'parameters:\n  cap:\n    values:\n      - { from: 2019-01-01, value: 1, source: 财金〔2020〕21号 一 }\neligibility: { op: all, of: [] }\namount: { kind: fixed, value: { param: cap } }'), [['warning', 'stale_parameter', 7]]],
    ['an old parameter reviewed lately', national('reviewed', 'parameters:\n  cap:\n    reviewed: 2026-01-01\n    values:\n      - { from: 2019-01-01, value: 1, source: 财金〔2020〕21号 一 }\neligibility: { op: all, of: [] }\namount: { kind: fixed, value: { param: cap } }'), []],
    ['a national parameter step without a source', national('unsourced', 'parameters:\n  cap:\n    reviewed: 2026-01-01\n    values:\n      - { from: 2019-01-01, value: 1, source: 财金〔2020〕21号 一 }\n      - { from: 2023-10-01, value: 2 }\neligibility: { op: all, of: [] }\namount: { kind: fixed, value: { param: cap } }'), [['error', 'unsourced_parameter', 10]]],
    ['a national condition without a clause, even inside a group', national('no-clause', 'eligibility:\n  op: all\n  of:\n    - { op: eq, field: hasOtherLoans, value: false, clause: 第一条 }\n    - { op: gte, field: business.employees, value: 3 }'), [['error', 'clause_missing', 9]]],
    ['a clause on a group covers its conditions', national('group-clause', 'eligibility:\n  op: all\n  clause: 第一条\n  of:\n    - { op: eq, field: hasOtherLoans, value: false }'), []],
    ['a national rule without documents or a review date', `id: bare\nkind: subsidy\ntitle: { zh-CN: 测试 }\nsource: { title: 某某通知（财金〔2020〕21号）, issuer: 财政部, date: 2020-04-10 }\neligibility: { op: all, of: [] }`, [['error', 'provenance_missing', 4], ['error', 'provenance_missing', 4]]],
    ['a rule checked over a year ago', national('old-check', 'eligibility: { op: all, of: [] }').replace('reviewed: 2026-01-01', 'reviewed: 2025-05-31'), [['warning', 'review_due', 4]]],
    ['a rule checked exactly a year ago', national('year-check', 'eligibility: { op: all, of: [] }').replace('reviewed: 2026-01-01', 'reviewed: 2025-06-01'), []],
    ['an exclusion of a missing policy', sample('excl', 'excludes: [no-such-policy]\neligibility: { op: all, of: [] }'), [['error', 'missing_reference', 6]]],
    ['an exclusive group of one', sample('lonely', 'exclusive: { group: loans, mode: highest }\neligibility: { op: all, of: [] }'), [['warning', 'lonely_group', 6]]],
    ['a local rule without the sample flag', national('local', 'regions: ["530621"]\neligibility: { op: all, of: [] }'), [['warning', 'sample_unflagged', 1]]],
    ['a source without a document number', `id: no-number\nkind: subsidy\ntitle: { zh-CN: 测试 }\nsource: { title: 县里的通知, issuer: 县政府, date: 2024-01-01 }\neligibility: { op: all, of: [] }`, [['warning', 'sample_unflagged', 1], ['error', 'provenance_missing', 4], ['error', 'provenance_missing', 4]]],
    ['a national rule without date or issuer', `id: thin\nkind: subsidy\ntitle: { zh-CN: 测试 }\nsource: { title: 公告2023年第15号, reviewed: 2026-01-01, documents: [{ number: 公告2023年第15号, title: 公告 }] }\neligibility: { op: all, of: [] }`, [['warning', 'source_incomplete', 4]]],
    ['load errors as errors', sample('bad', 'eligibility: { op: equals, field: hasOtherLoans, value: false }'), [['error', 'invalid_union', 6]]],
  ])('%s', (_name, text, want) => {
    expect(codes(text)).toEqual(want);
  });

  it('names the field it would suggest', () => {
    const [f] = lintSources([{ name: 'r.yaml', text: sample('typo', 'eligibility: { op: gte, field: business.employes, value: 3 }') }], { asOf: AS_OF });
    expect(f!.message).toContain('did you mean "business.employees"');
  });

  it('takes exclusions of policies in other files as found', () => {
    const other = { name: 'o.yaml', text: sample('other-policy', 'eligibility: { op: all, of: [] }') };
    expect(codes(sample('excl', 'excludes: [other-policy]\neligibility: { op: all, of: [] }'), [other])).toEqual([]);
  });

  it('survives the whole malformed corpus, reporting errors for every file', async () => {
    const sources = (await readRuleSources(join(ROOT, 'test', 'corpus', 'malformed'))).filter((s) => !s.name.endsWith('expected.yaml'));
    const findings = lintSources(sources, { asOf: AS_OF });
    const files = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file));
    expect(files.size).toBeGreaterThanOrEqual(sources.length - 1);
  });
});

async function cli(argv: string[]) {
  let out = '';
  const io = { stdout: (t: string) => void (out += `${t}\n`), stderr: (t: string) => void (out += `${t}\n`), stdin: process.stdin, isTTY: false };
  return { code: await main(['lint', ...argv], io), out };
}

describe('the lint command', () => {
  it('exits 0 on the project rules, which have warnings at most', async () => {
    const r = await cli([join(ROOT, 'rules'), '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ asOf: AS_OF, errors: 0 });
  });

  it('checks project files in their own language, reporting their errors too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guiyan-lint-'));
    cpSync(join(ROOT, 'rules', 'national'), join(dir, 'national'), { recursive: true });
    mkdirSync(join(dir, 'projects'));
    writeFileSync(join(dir, 'projects', 'broken.yaml'), 'id: broken-project\nkind: nonsense\n');
    const r = await cli([dir, '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.out) as { errors: number; findings: { file: string; severity: string }[] };
    expect(found.findings.filter((f) => f.severity === 'error').every((f) => f.file.endsWith('broken.yaml'))).toBe(true);
    expect(found.errors).toBeGreaterThan(0);
  });

  it('exits 1 on errors and prints each with file, line and column', async () => {
    const r = await cli([join(ROOT, 'test', 'corpus', 'malformed'), '--as-of', AS_OF, '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/deep-nesting\.yaml:6:\d+ {2}error/);
    expect(r.out).toMatch(/\d+ errors, \d+ warnings?\n$/);
  });

  it.each([
    ['zh-CN', /[A-Za-z]{3,}/],
    ['en', /[\u4e00-\u9fff]/],
  ] as const)('speaks one language per run (%s)', async (locale, foreign) => {
    const r = await cli([join(ROOT, 'test', 'corpus', 'malformed'), '--as-of', AS_OF, '--locale', locale]);
    const lines = r.out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      // The file place, [code], @ path and (policy id) are names, not words.
      const words = line.replace(/YAML|JSON|https?:\/\//g, '').replace(/^\S+ {2}/, '').replace(/\[[^\]]*\]|@ \S+|\([^)]*\)|（[^）]*）/g, '');
      expect(words, line).not.toMatch(foreign);
    }
  });

  it('fails on a directory without rule files', async () => {
    const r = await cli([join(ROOT, 'src', 'lint'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings[0]).toMatchObject({ code: 'no_policies' });
  });

  it('rejects a bad --stale-years', async () => {
    expect((await cli(['--stale-years', 'soon'])).code).toBe(2);
  });
});
