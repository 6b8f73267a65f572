import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProfile, ProfileValidationError } from '../../src/index.js';
import { parseProfileFast, profileCheckCompiled, safeParseProfileFast } from '../../src/engine/profile-check.js';
import { arbProfile, RULE_FIELDS } from '../helpers/arbitraries.js';

const JUNK = [undefined, null, '', 'x', '2023-02-30', '1990-01-01', '1990-1-01', 1.5, -1, 0, 1e13, Number.NaN, Number.POSITIVE_INFINITY, true, [], ['veteran'], ['nope'], [1], {}, { a: 1 }, '530602', '12345', 'a'.repeat(200), 'veteran'];
const PATHS = ['id', 'extra', 'extra.note', 'contact.locale', 'contact', 'business', 'land', 'unknownKey', 'business.unknownKey', ...RULE_FIELDS.map((f) => f.path), 'idNumber', 'contact.phone'];

function setPath(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const out = structuredClone(obj);
  const keys = path.split('.');
  let cur: Record<string, unknown> = out;
  for (const k of keys.slice(0, -1)) {
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined && Math.random() < 0.5) delete cur[last];
  else cur[last] = value;
  return out;
}

const outcome = (f: (x: unknown) => unknown, input: unknown) => {
  try {
    return { ok: true, value: f(input) };
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileValidationError);
    return { ok: false, issues: (e as ProfileValidationError).issues };
  }
};

describe('the precompiled profile check', () => {
  it('is in use for the current schema', () => {
    expect(profileCheckCompiled).toBe(true);
  });

  it('gives what zod gives on valid profiles', () => {
    fc.assert(fc.property(arbProfile(0.3), (p) => {
      expect(parseProfileFast(p)).toEqual(parseProfile(p));
    }), { numRuns: 300 });
  });

  it('accepts, rejects and reports exactly as zod on damaged profiles', () => {
    const damaged = fc.tuple(arbProfile(0.2), fc.array(fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom(...JUNK)), { minLength: 1, maxLength: 3 }))
      .map(([p, edits]) => edits.reduce((acc, [path, v]) => setPath(acc, path, v), p));
    fc.assert(fc.property(damaged, (input) => {
      expect(outcome(parseProfileFast, input)).toEqual(outcome(parseProfile, input));
    }), { numRuns: 600 });
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a class instance', new (class Profile { id = 'x'; })()],
    ['an object with an inherited field', Object.create({ groups: ['veteran'] }, { id: { value: 'x', enumerable: true } })],
  ])('leaves %s to zod', (_name, input) => {
    expect(outcome(parseProfileFast, input)).toEqual(outcome(parseProfile, input));
    expect(safeParseProfileFast(input).success).toBe(outcome(parseProfile, input).ok);
  });
});
