import { describe, expect, it } from 'vitest';
import { writeCatalogue } from '../recommend/catalogue.js';
import { run } from '../recommend/run-cli.js';

const rules = writeCatalogue();

describe('guiyan ask', () => {
  it('asks, reads answers line by line, and ends with the ranked result', async () => {
    // In the order asked: 开州区 · small enterprise · no arrears · 120 mu · 20 staff · 4 new hires · 15 years · no other loans · returnee
    const answers = ['开州区', '2', '否', '120', '20', '4', '15', '没有', '1'].join('\n');
    const { code, out } = await run(['ask', '--rules', rules, '--as-of', '2026-06-01'], answers);
    expect(code).toBe(0);
    expect(out.match(/^问\d+\./gm)).toHaveLength(9);
    const result = out.slice(out.lastIndexOf('（基准日 2026-06-01）'));
    expect(result).toContain('小微企业创业担保贷款');
    expect(result).toContain('土地流转补助');
    expect(result).not.toContain('待确认');
  });

  it('re-asks after an answer it cannot read, and passes on "跳过"', async () => {
    const { out, err } = await run(['ask', '--rules', rules, '--as-of', '2026-06-01', '--json'], ['开州区', '也许', '2', '跳过'].join('\n'));
    // With --json the questions and hints go to standard error: standard output is one JSON document.
    expect(err).toContain('没看懂，请回复选项序号，如1');
    expect(err).toMatch(/^问1\./m);
    const data = JSON.parse(out);
    expect(data.profile).toMatchObject({ regionCode: '500154', business: { form: 'small-micro-enterprise' } });
    for (const r of data.recommendations) expect(r.title).toEqual(expect.any(String));
  });

  it('never prints a phone number whole', async () => {
    const { out } = await run(['ask', 'fixtures/profiles/seed/liu-xintang.json', '--rules', rules, '--json'], '');
    expect(out).not.toContain('13847001234');
    expect(out).toContain('138****1234');
  });

  it('starts from a profile file and stops at the end of input', async () => {
    const { code, out } = await run(['ask', 'fixtures/profiles/seed/huang-lixing.json', '--rules', rules, '--locale', 'en'], 'none\n');
    expect(code).toBe(0);
    // His groups settle the unemployment date (he is not registered unemployed), so the loan's question comes first.
    expect(out).toContain('Q1. Apart from student, poverty-relief, housing, car and consumer loans under CNY 50,000, do you or your spouse hold other loans?');
    expect(out).toContain('Start-up grant for college graduates');
  });
});
