import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatcher, maskText, parsePolicies, safeParseProfile } from '../../src/index.js';
import { createParallelMatcher, evaluateFile, evaluateFileParallel, readPolicySources, type FileVerdicts, type ParallelMatcher } from '../../src/node/index.js';
import { lineBoundaries } from '../../src/node/file-batch.js';
import { ROOT } from '../helpers/rules.js';

const REGISTER = join(ROOT, 'fixtures', 'registers', 'small.jsonl');
const AS_OF = '2026-06-01';

/** Every row of a result, as plain data. */
const rows = (v: FileVerdicts) => Array.from({ length: v.count }, (_, i) => ({ id: v.id(i), evaluations: v.evaluations(i) }));

describe('verdicts for a register file', () => {
  let pm: ParallelMatcher;
  let sources: Awaited<ReturnType<typeof readPolicySources>>;

  beforeAll(async () => {
    sources = await readPolicySources(`${ROOT}/rules`);
    pm = await createParallelMatcher(sources, { threads: 2 });
  });
  afterAll(() => pm.destroy());

  it.each(['all', 'applicable'] as const)('gives evaluateMany’s verdicts for every valid row (scope %s)', async (scope) => {
    const matcher = createMatcher(parsePolicies(sources));
    const lines = readFileSync(REGISTER, 'utf8').split('\n');
    const valid = lines.map((l) => (l.trim() ? (JSON.parse(l) as unknown) : undefined)).filter((p) => p !== undefined && safeParseProfile(p).success);
    const single = await evaluateFile(matcher, REGISTER, { asOf: AS_OF, scope });
    expect(single.count).toBe(valid.length);
    expect(rows(single).map((r) => r.evaluations)).toEqual(matcher.evaluateMany(valid, { asOf: AS_OF, mode: 'verdict', scope }));
    expect(rows(single).map((r) => r.id)).toEqual(valid.map((p) => (p as { id: string }).id));
  });

  it('gives the same results on two threads as on one, invalid rows included', async () => {
    const single = await evaluateFile(createMatcher(parsePolicies(sources)), REGISTER, { asOf: AS_OF });
    const parallel = await pm.evaluateFile(REGISTER, { asOf: AS_OF });
    expect(parallel.count).toBe(single.count);
    expect(rows(parallel)).toEqual(rows(single));
    expect(parallel.invalid).toEqual(single.invalid);
    expect(single.invalid.length).toBeGreaterThan(0);
    expect(JSON.stringify(parallel.invalid)).toBe(maskText(JSON.stringify(parallel.invalid)));
  });

  it('numbers bad lines across slices and survives a file without a final line break', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guiyan-file-'));
    const people = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `p${i}`, groups: ['veteran'], hasOtherLoans: i % 2 === 0 }));
    people[150] = '{ not json';
    const path = join(dir, 'people.jsonl');
    writeFileSync(path, people.join('\r\n'));
    const one = await evaluateFileParallel(path, { rules: sources, asOf: AS_OF, threads: 1 });
    const two = await pm.evaluateFile(path, { asOf: AS_OF });
    expect(one.count).toBe(299);
    expect(two.invalid.map((x) => x.line)).toEqual([151]);
    expect(rows(two)).toEqual(rows(one));
  });

  it('cuts a file only just after line breaks', () => {
    const text = readFileSync(REGISTER);
    const cuts = lineBoundaries(REGISTER, text.length, 7);
    expect(cuts[0]).toBe(0);
    expect(cuts.at(-1)).toBe(text.length);
    for (const c of cuts.slice(1, -1)) expect(text[c - 1]).toBe(10);
  });
});
