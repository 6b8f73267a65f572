import { describe, expect, it } from 'vitest';
import { runPolicyCases } from '../../src/index.js';
import { loadRules } from '../helpers/rules.js';

const results = runPolicyCases(loadRules());

describe('the cases embedded in rule files', () => {
  it('exist for every rule', () => {
    const withCases = new Set(results.map((r) => r.policyId));
    expect(loadRules().filter((p) => !withCases.has(p.id)).map((p) => p.file)).toEqual([]);
  });

  it.each(results.map((r) => [`${r.file} › ${r.name}`, r] as const))('%s', (_name, r) => {
    expect(r.problems).toEqual([]);
  });
});
