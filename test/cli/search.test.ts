import { describe, expect, it } from 'vitest';
import { writeCatalogue } from '../recommend/catalogue.js';
import { run } from '../recommend/run-cli.js';

const rules = writeCatalogue();

describe('guiyan search', () => {
  it('finds loans for "借钱"', async () => {
    const { code, out } = await run(['search', '借钱', '--rules', rules]);
    expect(code).toBe(0);
    expect(out.split('\n').slice(2).map((l) => l.split(/\s{2,}/)[1])).toEqual(['cn-guarantee-loan-enterprise', 'cn-guarantee-loan-individual', 'zt-return-loan', 'zt-xiangqing-loan']);
  });

  it('shows statuses for a profile, ineligible last, as JSON', async () => {
    const { out } = await run(['search', '贷款', '--rules', rules, '--profile', 'fixtures/profiles/seed/yin-zebao.json', '--json']);
    expect(JSON.parse(out).map((h: { policyId: string; status: string }) => [h.policyId, h.status])).toEqual([
      ['cn-guarantee-loan-enterprise', 'eligible'],
      ['cn-guarantee-loan-individual', 'eligible'],
      ['zt-xiangqing-loan', 'ineligible'],
      ['zt-return-loan', 'ineligible'],
    ]);
  });

  it('says when nothing is found, and needs a query', async () => {
    expect((await run(['search', 'qqqqzzz', '--rules', rules, '--locale', 'en'])).out).toBe('(nothing found)');
    expect(await run(['search', '--rules', rules])).toMatchObject({ code: 2 });
  });
});
