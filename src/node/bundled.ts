import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Policy } from '../policy/schema.js';
import { loadPolicyDir } from './load.js';

const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);

/** The folder of rules shipped in the package (`rules/` beside `dist/`, or beside `src/` in a checkout). */
export function bundledRulesDir(): string {
  let dir = dirname(here);
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return join(dir, 'rules');
  }
  throw new Error(`the rules shipped with guiyan are missing (looked above ${dirname(here)})`);
}

/**
 * The policies shipped in the package: the national rules and the sample local ones.
 * @example
 * const matcher = createMatcher(await loadBundledPolicies());
 */
export function loadBundledPolicies(): Promise<Policy[]> {
  return loadPolicyDir(bundledRulesDir());
}
