import { PolicyValidationError } from '../policy/errors.js';
import { parsePolicies } from '../policy/parse.js';
import type { Policy } from '../policy/schema.js';
import { readPolicySources } from './read.js';

/**
 * Loads every rule file below `dir` (projects under `projects/` excepted). Throws one
 * `PolicyValidationError` with file, line and column for every problem found.
 */
export async function loadPolicyDir(dir: string): Promise<Policy[]> {
  const sources = await readPolicySources(dir);
  if (sources.length === 0) throw new PolicyValidationError([{ file: dir, path: [], code: 'no_policies', message: `no .yaml, .yml or .json rule files under ${dir}` }]);
  return parsePolicies(sources);
}

export { listRuleFiles, readPolicySources, readRuleSources } from './read.js';
export { loadProjectDir } from './projects.js';
export { createParallelMatcher, evaluateFile, evaluateFileParallel, evaluateManyParallel, FileVerdicts, poolTask, type FileOptions, type ParallelMatcher, type ParallelOptions } from './parallel.js';
export { openStore, MissingDriverError, StoreBusyError, StoreInputError, MIN_RATINGS, SCHEMA_VERSION, type ScreenStore, type RunLease, type RunBatch, type OutcomeEntry, type ScoreRow } from '../store/open.js';
export { openDuckDb, openSqlite, openPostgres, type SqlSession } from './sql/drivers.js';
export { openRegister, find, type Register, type FindOptions, type FindResult, type FindPolicy } from './sql/find.js';
