import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asOfArb, policiesArb, profileArb, readOnceArb, RULE_FIELDS, valueArb, withAnswer } from '../helpers/gen.js';
import { candidates } from './candidates.js';
import { matcherOf, runs, treesMatcher } from './engine.js';
import { readAnswer } from '../../src/profile/implications.js';


/**
 * A profile, one field it leaves unanswered, and an answer for it. A field other answers settle
 * (profile/implications.ts) counts as answered: answering it otherwise is a correction, not more.
 */
const filledArb = profileArb.chain((profile) => {
  const open = RULE_FIELDS.filter((f) => readAnswer(profile, f.path) === undefined);
  if (open.length === 0) return fc.constant({ profile, path: null as string | null, value: undefined as unknown });
  return fc.constantFrom(...open).chain((f) => valueArb(f).map((value) => ({ profile, path: f.path as string | null, value })));
});

describe('answers only ever settle', () => {
  it('answering one more field never turns a definite verdict into another', () => {
    fc.assert(
      fc.property(policiesArb, filledArb, asOfArb, (policies, { profile, path, value }, asOf) => {
        if (path === null) return;
        const m = matcherOf(policies);
        const before = m.evaluate(profile, { asOf, mode: 'verdict', scope: 'all' });
        const after = new Map(m.evaluate(withAnswer(profile, path, value), { asOf, mode: 'verdict', scope: 'all' }).map((e) => [e.policyId, e]));
        for (const e of before) if (e.status !== 'unknown') expect({ id: e.policyId, status: after.get(e.policyId)?.status }).toEqual({ id: e.policyId, status: e.status });
      }),
      { numRuns: runs(300) },
    );
  });

  it('every field listed as missing can change the verdict (rules that read each field once)', () => {
    fc.assert(
      fc.property(readOnceArb(), profileArb, asOfArb, fc.integer(), (tree, profile, asOf, seed) => {
        const m = treesMatcher({ 'the-rule': tree });
        const status = (p: Record<string, unknown>) => m.evaluate(p, { asOf, mode: 'verdict' })[0]!.status;
        const e = m.evaluate(profile, { asOf, mode: 'verdict' })[0]!;
        let rnd = seed >>> 0;
        const next = () => (rnd = (rnd * 1103515245 + 12345) >>> 0) >>> 8;
        // Half the time one of the first few candidates, which are the rule's own literals.
        const pick = <T>(xs: T[]): T => xs[next() % (next() % 2 ? Math.min(3, xs.length) : xs.length)]!;
        for (const field of e.missing) {
          const others = e.missing.filter((f) => f !== field);
          let found = false;
          // Other missing fields unanswered first, then answered at random.
          for (let attempt = 0; attempt < 200 && !found; attempt++) {
            let ctx = profile;
            if (attempt > 0) for (const g of others) if (pick([0, 1, 2]) > 0) ctx = withAnswer(ctx, g, pick(candidates(ctx, g, tree, asOf)));
            const base = status(ctx);
            found = candidates(ctx, field, tree, asOf).some((v) => status(withAnswer(ctx, field, v)) !== base);
          }
          expect(found, `${field} can change the verdict on ${JSON.stringify(tree)}`).toBe(true);
        }
      }),
      { numRuns: runs(150) },
    );
  });
});
