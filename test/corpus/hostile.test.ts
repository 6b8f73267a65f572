import { describe, expect, it } from 'vitest';
import { createMatcher, parsePolicies, ProfileValidationError, safeParseProfile, type PolicyIssue } from '../../src/index.js';
import { MAX_PROFILE_BYTES, MAX_PROFILE_DEPTH } from '../../src/profile/validate.js';
import { loadFixtures, rulesMatcher } from '../helpers/rules.js';

const protoNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const BEFORE = protoNames();

const rule = (id: string, eligibility: string) => `id: ${id}\nkind: subsidy\ntitle: { zh-CN: 测试 }\nsource: { title: 测试文件 }\nsample: true\neligibility: ${eligibility}\n`;

function issuesOf(text: string, name = 'hostile.yaml'): PolicyIssue[] {
  try {
    parsePolicies([{ name, text }]);
  } catch (e) {
    return (e as { issues: PolicyIssue[] }).issues;
  }
  return [];
}

const HOSTILE_RULES: [string, string][] = [
  ['a field path of __proto__', rule('h1', '{ op: present, field: __proto__ }')],
  ['a nested __proto__ path', rule('h2', '{ op: eq, field: business.__proto__, value: 1 }')],
  ['a constructor path', rule('h3', '{ op: present, field: constructor }')],
  ['a constructor.prototype path', rule('h4', '{ op: present, field: constructor.prototype }')],
  ['a prototype path in a ratio', rule('h5', '{ op: gte, field: business.employees, per: prototype, value: 1 }')],
  ['a __proto__ key at the top', `__proto__: { polluted: true }\n${rule('h6', '{ op: all, of: [] }')}`],
  ['a __proto__ key in a condition', rule('h7', '{ op: present, field: birthDate, __proto__: { polluted: true } }')],
  ['a constructor key in parameters', `parameters: { constructor: { values: [{ from: 2020-01-01, value: 1 }] } }\n${rule('h8', '{ op: all, of: [] }')}`],
  ['a __proto__ key in JSON', '{"__proto__": {"polluted": true}, "id": "h9", "kind": "subsidy", "title": {"zh-CN": "x"}, "source": {"title": "x"}, "eligibility": {"op": "all", "of": []}}'],
  ['a quantity reaching the prototype', `amount: { kind: per-unit, rate: 1, quantity: constructor }\n${rule('h10', '{ op: all, of: [] }')}`],
];

describe('hostile rules', () => {
  it.each(HOSTILE_RULES)('%s is rejected at load as forbidden_path', (_name, text) => {
    const issues = issuesOf(text, _name.includes('JSON') ? 'h.json' : 'h.yaml');
    expect(issues.map((i) => i.code)).toContain('forbidden_path');
    expect(issues.every((i) => i.line !== undefined)).toBe(true);
    expect(protoNames()).toEqual(BEFORE);
  });
});

describe('hostile profiles', () => {
  const matcher = rulesMatcher();
  const fixtures = loadFixtures();

  it.each([
    ['__proto__ at the top', '{"id":"p","__proto__":{"polluted":true,"hasOtherLoans":false}}'],
    ['__proto__ in business', '{"id":"p","business":{"__proto__":{"employees":5}}}'],
    ['constructor.prototype', '{"id":"p","constructor":{"prototype":{"polluted":true}}}'],
    ['__proto__ in extra', '{"id":"p","extra":{"__proto__":{"polluted":true}}}'],
  ])('a profile with %s cannot reach Object.prototype', (_name, json) => {
    const input = JSON.parse(json);
    try {
      matcher.evaluate(input, { asOf: '2025-06-01' });
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileValidationError);
    }
    expect(protoNames()).toEqual(BEFORE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fixtures evaluate the same after hostile input was seen', () => {
    for (const f of fixtures) {
      const before = matcher.evaluate(f.profile, { asOf: f.asOf });
      for (const json of ['{"id":"x","__proto__":{"hasOtherLoans":false,"groups":["veteran"]}}', '{"id":"x","extra":{"__proto__":{"groups":["veteran"]}}}']) {
        try {
          createMatcher(matcher.policies).evaluate(JSON.parse(json), { asOf: f.asOf });
        } catch {
          /* rejected, as it should be */
        }
      }
      expect(matcher.evaluate(f.profile, { asOf: f.asOf })).toEqual(before);
    }
  });

  const nest = (n: number) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = { v };
    return v;
  };
  const cyclic: Record<string, unknown> = { id: 'p' };
  cyclic.extra = { self: cyclic };

  it.each([
    ['a profile over the size limit', { id: 'p', extra: { blob: 'x'.repeat(MAX_PROFILE_BYTES) } }, 'profile_too_large'],
    ['many small keys', { id: 'p', extra: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])) }, 'profile_too_large'],
    ['nesting past the depth limit', { id: 'p', extra: nest(MAX_PROFILE_DEPTH + 1) }, 'too_deep'],
    ['nesting 100 000 deep', { id: 'p', extra: nest(100_000) }, 'too_deep'],
    ['a cycle', cyclic, 'too_deep'],
    ['65 groups', { id: 'p', groups: Array(65).fill('veteran') }, 'too_many_items'],
    ['65 industries', { id: 'p', business: { industry: Array(65).fill('tea') } }, 'too_many_items'],
    ['a 1000-character name', { id: 'p', name: '名'.repeat(1000) }, 'text_too_long'],
  ])('%s is refused with a clear code', (_name, input, code) => {
    const r = safeParseProfile(input);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.code)).toContain(code);
    expect(() => matcher.evaluate(input, { asOf: '2025-06-01' })).toThrow(ProfileValidationError);
  });
});

describe('profile size is measured in UTF-8 bytes', () => {
  it.each([
    ['21 000 Chinese characters (63 KB of UTF-8) fit', 21_000, true],
    ['22 000 Chinese characters (66 KB of UTF-8) do not', 22_000, false],
  ])('%s', (_name, n, ok) => {
    expect(safeParseProfile({ id: 'p', extra: { note: '返'.repeat(n) } }).success).toBe(ok);
  });
});
