import { existsSync } from 'node:fs';
import { PolicyValidationError } from '../policy/errors.js';
import { parsePolicies } from '../policy/parse.js';
import type { Policy } from '../policy/schema.js';
import { readPolicySources } from './read.js';

/**
 * Loads every rule file below `dir` (projects under `projects/` excepted). Throws one
 * `PolicyValidationError` with file, line and column for every problem found.
 */
export async function loadPolicyDir(dir: string): Promise<Policy[]> {
  if (!existsSync(dir)) throw new PolicyValidationError([{ file: dir, path: [], code: 'not_found', message: `no such folder: ${dir}` }]);
  const sources = await readPolicySources(dir);
  if (sources.length === 0) throw new PolicyValidationError([{ file: dir, path: [], code: 'no_policies', message: `no .yaml, .yml or .json rule files under ${dir}` }]);
  return parsePolicies(sources);
}
