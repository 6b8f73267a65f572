import { describe, expect, it } from 'vitest';
import { writeCatalogue } from '../recommend/catalogue.js';
import { run } from '../recommend/run-cli.js';

const rules = writeCatalogue();

describe('guiyan recommend', () => {
  it('ranks the seed people with reasons and the bundle total', async () => {
    const { code, out } = await run(['recommend', 'fixtures/profiles/seed', '--rules', rules]);
    expect(code).toBe(0);
    expect(out).toContain('尹泽宝 · seed-yin-zebao · 开州区  （基准日 2026-06-01）');
    const yin = out.slice(out.indexOf('尹泽宝'), out.indexOf('周雪婷'));
    expect(yin.indexOf('小微企业创业担保贷款')).toBeLessThan(yin.indexOf('土地流转补助'));
    expect(yin).toContain('可同时享受: 1.2万元–431.2万元');
    expect(out).not.toContain('13847001234');
  });

  it('prints JSON with score, breakdown and the bundle', async () => {
    const { out } = await run(['recommend', 'fixtures/profiles/seed/yin-zebao.json', '--rules', rules, '--json', '--limit', '2']);
    const [r] = JSON.parse(out);
    expect(r.recommendations.map((x: { policyId: string; score: number }) => [x.policyId, x.score])).toEqual([
      ['cn-guarantee-loan-enterprise', 0.75],
      ['kz-land-transfer', 0.4716],
    ]);
    expect(r.recommendations[0].breakdown).toEqual({ certainty: 1, value: 1, need: 1, urgency: 0, locality: 0 });
    expect(r.bundle.setAside).toEqual([]);
  });

  it('shows near misses in English when asked', async () => {
    const { out } = await run(['recommend', 'fixtures/profiles/seed/yin-zebao.json', '--rules', rules, '--near-misses', '--locale', 'en']);
    expect(out).toContain('near miss');
    expect(out).toContain('current staff: 10 people more would reach 30 people');
  });

  it('explains its usage and refuses a bad limit', async () => {
    expect((await run(['recommend', '--help'])).out).toContain('guiyan recommend <profile.json');
    expect(await run(['recommend', 'fixtures/profiles/seed', '--limit', 'x', '--rules', rules])).toMatchObject({ code: 2, err: expect.stringContaining('--limit') });
  });
});
