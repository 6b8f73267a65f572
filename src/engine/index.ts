/**
 * The engine's interface, and the only module of src/engine/ the rest of the library imports
 * (`.dependency-cruiser.cjs`, rule `engine-through-its-interface`, fails `npm test` otherwise).
 *
 * Three calls do the work:
 *   compileCatalogue(policies, options) → Engine     compile once
 *   engine.evaluateProfile(profile, day, { mode })  one profile, explained or verdicts only
 *   engine.stream(profile, day, wantIneligible, row) verdict rows for many profiles, no objects per row
 * with `engine.day(asOf)` turning the caller's `asOf` into the day they take.
 *
 * The rest are read-only views for analyses built on the engine (questions and near misses walk the
 * compiled condition trees; projects compile their own conditions with the same compiler), the
 * per-matcher cache slots features keep their indexes in (context.ts), and value types.
 */
import { MatcherCore, type MatcherOptions } from './matcher.js';
import type { Policy } from '../policy/schema.js';

/** A compiled policy catalogue. */
export type Engine = MatcherCore;

/** Compiles policies once for many evaluations. */
export const compileCatalogue = (policies: readonly Policy[], options: MatcherOptions = {}): Engine => new MatcherCore(policies, options);

export { MatcherCore, cacheSlot, type CacheSlot, type EvaluateOptions, type Evaluation, type MatcherOptions, type VerdictRow } from './matcher.js';
export { parseProfileFast, safeParseProfileFast } from './profile-check.js';
export { runPolicyCases, type CaseResult } from './cases.js';

// Views of compiled policies, for analyses that walk them.
export { inForce, type CompiledPolicy } from './policy.js';
export { compileCondition, collectMissing, type CompiledNode } from './compile.js';
export { FactTable, factDomain, factKey, type Domain, type FactRef } from './facts.js';
export { ParamTable } from './params.js';

// Building and reading results.
export { evaluation, NONE } from './evaluation.js';
export { explain, type Reason } from './explain.js';
export { factLabel, labelOf, showValue } from './display.js';
export type { AmountRange } from './amount.js';
