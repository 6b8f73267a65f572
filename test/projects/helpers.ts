import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createMatcher, parseProjects, type Matcher, type Project } from '../../src/index.js';
import { filesUnder, loadFixtures, loadRules, ROOT } from '../helpers/rules.js';

let cached: Project[] | undefined;

/** The sample projects under rules/projects, parsed once per test file. */
export function loadProjects(): Project[] {
  cached ??= parseProjects(filesUnder(join(ROOT, 'rules', 'projects'), /\.ya?ml$/).map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, 'utf8') })));
  return cached;
}

/** The national policies only, so pinned rankings do not move when local sample rules are added. */
export const NATIONAL = ['cn-tax-relief-key-groups', 'cn-guarantee-loan-individual', 'cn-guarantee-loan-enterprise'];
export const nationalMatcher = (): Matcher => createMatcher(loadRules().filter((p) => NATIONAL.includes(p.id)));

export const seedPerson = (id: string) => loadFixtures().find((f) => f.profile.id === `seed-${id}`)!;
