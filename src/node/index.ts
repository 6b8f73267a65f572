export { loadPolicyDir } from './load.js';
export { bundledRulesDir, loadBundledPolicies } from './bundled.js';
export { listRuleFiles, readPolicySources, readRuleSources } from './read.js';
export { loadProjectDir } from './projects.js';
export { createParallelMatcher, evaluateFile, evaluateFileParallel, evaluateManyParallel, FileVerdicts, poolTask, type FileOptions, type ParallelMatcher, type ParallelOptions } from './parallel.js';
export { openStore, MissingDriverError, StoreBusyError, StoreInputError, MIN_RATINGS, SCHEMA_VERSION, type ScreenStore, type RunLease, type RunBatch, type OutcomeEntry, type ScoreRow } from '../store/open.js';
export { openDuckDb, openSqlite, openPostgres, type SqlSession } from './sql/drivers.js';
export { openRegister, find, type Register, type FindOptions, type FindResult, type FindPolicy } from './sql/find.js';
