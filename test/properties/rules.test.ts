import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicies, PolicyValidationError } from '../../src/index.js';
import { lintSources } from '../../src/lint/index.js';
import { anyLeafArb, policyArb } from '../helpers/gen.js';
import { ROOT } from '../helpers/rules.js';
import { runs } from './engine.js';

const NATIONAL = ['cn-guarantee-loan-individual', 'cn-guarantee-loan-enterprise', 'cn-tax-relief-key-groups'].map((id) => readFileSync(join(ROOT, 'rules', 'national', `${id}.yaml`), 'utf8'));

/** Loads, and lints, returning what was thrown that is not a PolicyValidationError. */
function crash(sources: { name: string; text: string }[]): unknown {
  try {
    lintSources(sources, { asOf: '2026-06-01' });
    parsePolicies(sources);
  } catch (e) {
    return e instanceof PolicyValidationError ? null : e;
  }
  return null;
}

/** A rule text with a few random edits: characters replaced, lines dropped or doubled. */
const mutatedArb = fc
  .tuple(fc.constantFrom(...NATIONAL), fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'drop-line', 'dup-line', 'insert'), fc.constantFrom(' ', ':', '-', '[', '{', '}', '"', "'", '&a', '*a', '\t', '\n', '#', '?', '|', '>', '!!js/function', '.nan', '-1', '__proto__:')), { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) => {
    let t = text;
    for (const [n, kind, s] of edits) {
      const i = n % Math.max(1, t.length);
      const lines = t.split('\n');
      const li = n % lines.length;
      if (kind === 'replace') t = t.slice(0, i) + s + t.slice(i + 1);
      else if (kind === 'insert') t = t.slice(0, i) + s + t.slice(i);
      else if (kind === 'drop-line') t = [...lines.slice(0, li), ...lines.slice(li + 1)].join('\n');
      else t = [...lines.slice(0, li + 1), ...lines.slice(li)].join('\n');
    }
    return t;
  });

describe('loading broken rules', () => {
  it('mutated rule files give PolicyValidationError or load, and never crash the loader or lint', () => {
    fc.assert(
      fc.property(mutatedArb, (text) => {
        expect(crash([{ name: 'm.yaml', text }])).toBeNull();
      }),
      { numRuns: runs(60) },
    );
  }, 600_000);

  it('random JSON values and policies with a random part swapped give PolicyValidationError', () => {
    const swapped = fc.tuple(policyArb('swapped'), fc.constantFrom('eligibility', 'amount', 'parameters', 'regions', 'source', 'title', 'validFrom', 'cases', 'exclusive'), fc.oneof(fc.anything(), anyLeafArb));
    fc.assert(
      fc.property(fc.oneof(fc.anything(), swapped.map(([p, k, v]) => ({ ...p, [k]: v }))), (value) => {
        expect(crash([{ name: 'r.json', text: JSON.stringify(value) ?? 'null' }])).toBeNull();
        expect(crash([{ name: 'r.yaml', text: JSON.stringify(value) ?? '~' }])).toBeNull();
      }),
      { numRuns: runs(300) },
    );
  }, 600_000);
});
