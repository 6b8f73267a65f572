import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAnswer, type Profile } from '../../src/index.js';
import { compareRecommendations } from '../../src/recommend/rank.js';
import { catalogueMatcher } from './catalogue.js';
import { arbPartProfile } from './profiles.js';

const m = catalogueMatcher();
const date = fc.integer({ min: 0, max: 20_000 }).map((d) => new Date(Date.UTC(1970, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

/** Partly answered profiles across the seed's places. */
const profile = arbPartProfile('law').map((r) => r as unknown as Profile);

describe('laws of ranking and asking', () => {
  it('recommend is sorted, bounded, deterministic and leaves ineligible policies out', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const r = m.recommend(p, { asOf: '2026-06-01' });
        expect(m.recommend(p, { asOf: '2026-06-01' })).toEqual(r);
        for (let i = 1; i < r.length; i++) expect(compareRecommendations(r[i - 1]!, r[i]!)).toBeLessThan(0);
        for (const x of r) {
          expect(x.status).not.toBe('ineligible');
          expect(x.score).toBeGreaterThanOrEqual(0);
          expect(x.score).toBeLessThanOrEqual(1);
          for (const v of Object.values(x.breakdown)) expect(v >= 0 && v <= 1).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('the next question asks a field some open policy is missing, and answering it settles or narrows', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const q = m.nextQuestion(p, { asOf: '2026-06-01' });
        const open = m.evaluate(p, { asOf: '2026-06-01', mode: 'verdict', scope: 'applicable' }).filter((e) => e.status === 'unknown');
        if (!q) {
          expect(open.every((e) => e.missing.length === 0)).toBe(true);
          return;
        }
        expect(open.some((e) => e.missing.includes(q.field))).toBe(true);
        for (const id of q.settles) expect(open.map((e) => e.policyId)).toContain(id);
      }),
      { numRuns: 80 },
    );
  });

  it('a date typed as 年月日 reads back as the same date', () => {
    fc.assert(
      fc.property(date, (d) => {
        const [y, mo, da] = d.split('-').map(Number);
        expect(applyAnswer({ id: 'd' }, 'returnDate', `${y}年${mo}月${da}日`)).toMatchObject({ ok: true, value: d });
      }),
    );
  });
});
