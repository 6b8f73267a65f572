import { readFileSync } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { createMatcher, parsePolicies, pinyinReader, PolicyValidationError, type Matcher, type Policy, type PolicyIssue } from '../../src/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');

export function filesUnder(dir: string, re: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, re));
    else if (re.test(name)) out.push(p);
  }
  return out;
}

let cached: Policy[] | undefined;

/** The project's rules (projects excepted), parsed once per test file. */
export function loadRules(): Policy[] {
  cached ??= parsePolicies(
    filesUnder(join(ROOT, 'rules'), /\.ya?ml$/)
      .filter((f) => !relative(join(ROOT, 'rules'), f).startsWith('projects'))
      .map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, 'utf8') })),
  );
  return cached;
}

/** A matcher over the project's rules, with pinyin search as a Node app would set it up. */
export const rulesMatcher = (): Matcher => createMatcher(loadRules(), { pinyin: pinyinReader });

export interface Fixture {
  file: string;
  asOf: string;
  profile: { id: string } & Record<string, unknown>;
  expect: Record<string, { status: string; missing?: string[]; amount?: { min: number; max: number; unit?: string } | null }>;
}

export function loadFixtures(): Fixture[] {
  return filesUnder(join(ROOT, 'fixtures', 'profiles'), /\.json$/).map((f) => ({ file: relative(ROOT, f), ...JSON.parse(readFileSync(f, 'utf8')) }));
}

/** The issues a parser reports for sources it must refuse; fails the test if it accepts them. */
export function issuesOf(parse: (sources: { name: string; text: string }[]) => unknown, sources: { name: string; text: string }[]): PolicyIssue[] {
  try {
    parse(sources);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyValidationError);
    return (e as PolicyValidationError).issues;
  }
  throw new Error('expected a PolicyValidationError');
}
