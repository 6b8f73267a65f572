import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProfileValidationError, safeParseProfile, type FieldInfo } from '../../src/index.js';
import { asOfArb, policiesArb, profileArb, RULE_FIELDS, withAnswer } from '../helpers/gen.js';
import { matcherOf, runs, treesMatcher } from './engine.js';

const HUGE = 'x'.repeat(200_000);
const COMMON = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, {}, HUGE, [HUGE], { nested: { deeper: 1 } }];

/** Answers no field of this kind accepts. */
function badValues(f: FieldInfo): unknown[] {
  switch (f.kind) {
    case 'number':
      return [...COMMON, -1, -0.5, 1e13, '5', true, null, []];
    case 'date':
      return [...COMMON, '2023-02-30', '2023-13-01', '2023-2-3', ' 2023-01-01', '2023-01-01T00:00:00Z', '０２０23-01-01', 20230101, true, [], ...(f.nullable ? [] : [null])];
    case 'boolean':
      return [...COMMON, 'true', 1, 0, null, []];
    case 'choice':
      return [...COMMON, 'nope', 1, null, []];
    case 'choices':
      return [...COMMON, f.options![0]!.value, [1], [Number.NaN], null, Array(65).fill(f.options![0]!.value), ...(f.openOptions ? [['']] : [['nope']])];
    case 'region':
      return [...COMMON, '12345', '1234567', 530621, null, 'abcdef', '５３０６２１'];
    default:
      return [...COMMON, 123, null, 'x'.repeat(65)];
  }
}

const corruptArb = profileArb.chain((profile) =>
  fc.constantFrom(...RULE_FIELDS).chain((f) => fc.constantFrom(...badValues(f)).map((bad) => ({ profile: withAnswer(profile, f.path, bad), field: f.path }))),
);

const STRUCTURAL = [
  null, undefined, 0, 'profile', [], [{ id: 'p' }], {}, { id: '' }, { id: 7 }, { id: HUGE }, { id: 'p', colour: 'red' },
  { id: 'p', business: [] }, { id: 'p', business: null }, { id: 'p', business: 'shop' }, { id: 'p', land: { acres: 3 } },
  JSON.parse('{"id":"p","__proto__":{"polluted":true}}'), JSON.parse('{"id":"p","business":{"__proto__":{"employees":3}}}'),
  JSON.parse('{"id":"p","constructor":{"prototype":{"polluted":true}}}'), { id: 'p', extra: { blob: 'x'.repeat(100_000) } },
  { id: 'p', extra: { list: Array.from({ length: 20_000 }, (_, i) => i) } }, new Date(0), new Map([['id', 'p']]), Object.create(null),
];

/** Calls `evaluate` and returns what it threw, or null. */
function thrown(run: () => unknown): unknown {
  try {
    run();
    return null;
  } catch (e) {
    return e;
  }
}

describe('invalid profiles', () => {
  const m = treesMatcher({ 'the-rule': { op: 'present', field: 'business.employees' } });

  it('any JSON-like value either evaluates or fails with ProfileValidationError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.object(), fc.jsonValue()), (input) => {
        const e = thrown(() => m.evaluate(input, { asOf: '2025-01-01' }));
        if (e !== null) expect(e).toBeInstanceOf(ProfileValidationError);
        expect(safeParseProfile(input).success).toBe(e === null);
      }),
      { numRuns: runs(500) },
    );
  });

  it('a valid profile with one wrong answer (NaN, Infinity, huge text, 2023-02-30, negative counts …) is rejected', () => {
    fc.assert(
      fc.property(policiesArb, corruptArb, asOfArb, (policies, { profile, field }, asOf) => {
        const e = thrown(() => matcherOf(policies).evaluate(profile, { asOf }));
        expect(e, `${field} = ${JSON.stringify(profile).slice(0, 200)}`).toBeInstanceOf(ProfileValidationError);
        const issues = (e as ProfileValidationError).issues;
        expect(issues.length).toBeGreaterThan(0);
        for (const i of issues) expect(typeof i.code).toBe('string');
      }),
      { numRuns: runs(300) },
    );
  });

  it.each(STRUCTURAL.map((v, i) => [i, v] as const))('structural case %i is rejected with ProfileValidationError', (_i, input) => {
    const e = thrown(() => m.evaluate(input, { asOf: '2025-01-01' }));
    expect(e).toBeInstanceOf(ProfileValidationError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
