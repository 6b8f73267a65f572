import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createMatcher, engineOf, type Matcher } from '../matcher/create.js';
import { stat } from 'node:fs/promises';
import { type EvaluateOptions, type Evaluation, type MatcherOptions, safeParseProfileFast } from '../engine/index.js';
import { parsePolicies, type PolicySource } from '../policy/parse.js';
import { contentHash } from '../core/hash.js';
import { ProfileValidationError, type ProfileIssue } from '../profile/validate.js';
import { evaluateSlice, lineBoundaries, type SliceVerdicts } from './file-batch.js';
import { evaluateFile, FileVerdicts, type FileOptions } from './file-verdicts.js';

export { evaluateFile, FileVerdicts, type FileOptions } from './file-verdicts.js';
import { readPolicySources } from './read.js';

/**
 * Batch evaluation across a worker pool. Workers receive the rule sources, not compiled closures,
 * and compile their own matcher once; verdict-mode results come back as one Int32Array per chunk
 * (shared results by code, the rest as objects), so the main thread rebuilds exactly what
 * `evaluateMany` returns.
 */
export interface ParallelOptions {
  /** Worker threads; default: the machine's available parallelism. */
  threads?: number;
  /** Profiles per task. */
  chunkSize?: number;
  matcherOptions?: Omit<MatcherOptions, 'clock'>;
}

export interface ParallelMatcher {
  /** Same result as `createMatcher(parsePolicies(sources)).evaluateMany(profiles, opts)`, computed on the pool. */
  evaluateMany(profiles: readonly unknown[], opts?: EvaluateOptions): Promise<Evaluation[][]>;
  /**
   * Verdicts for a JSON Lines register: each worker reads its own slice of the file (cut at line
   * breaks) and returns typed arrays. Same result as `evaluateFile` on one thread.
   */
  evaluateFile(path: string, opts?: FileOptions): Promise<FileVerdicts>;
  readonly matcher: Matcher;
  destroy(): Promise<void>;
}

/** What every worker of a pool compiles: sent once, with the worker, not with each task. */
interface RuleSet {
  key: string;
  sources: readonly PolicySource[];
  matcherOptions: Omit<MatcherOptions, 'clock'>;
}

interface Task {
  /** The rule set's key: the worker compiled it when it started (see `RuleSet`). */
  key: string;
  profiles: readonly unknown[];
  day: number;
  opts: Omit<EvaluateOptions, 'asOf'>;
  /** A slice of a JSON Lines file to read in the worker, instead of `profiles`. */
  file?: { path: string; start: number; end: number };
  /** The profiles as JSON text, instead of `profiles` (see `plainJson`). */
  json?: string;
}

/**
 * True when `v` is plain JSON data (null, strings, booleans, finite numbers other than -0, arrays
 * without holes, objects with Object's or no prototype): its JSON text then rebuilds the same value
 * that a structured clone would. Text crosses a thread several times faster than an object graph
 * (written in one pass, copied as a block, read by `JSON.parse` in the worker).
 */
function plainJson(v: unknown, depth = 0): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object' || depth > 64) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !plainJson(v[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k in v) if (!Object.prototype.hasOwnProperty.call(v, k)) return false;
  for (const x of Object.values(v)) if (!plainJson(x, depth + 1)) return false;
  return Object.getOwnPropertySymbols(v).length === 0;
}

type Reply =
  | { count: number; codes: Uint8Array; extras: Evaluation[] }
  | { full: Evaluation[][] }
  | { invalid: ProfileIssue[] };

// Codes per (profile, policy in force): absent from the scope, shared ineligible, shared eligible, or the next of `extras`.
const ABSENT = 0;
const NO = 1;
const YES = 2;
const EXTRA = 3;

const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);

/** A reply whose buffers are handed over to the main thread instead of copied. */
async function moved(reply: object, buffers: ArrayBufferLike[]): Promise<unknown> {
  const { markMovable } = await import('tinypool');
  const wrapped = { [Symbol.for('Tinypool.transferable')]: buffers, [Symbol.for('Tinypool.valueOf')]: reply };
  markMovable(wrapped);
  return wrapped;
}

let workerMatcher: { key: string; matcher: Matcher } | undefined;

/** Runs inside a worker: compiles once per rule set, evaluates one chunk. */
export async function poolTask(task: Task): Promise<unknown> {
  if (workerMatcher?.key !== task.key) {
    const { workerData } = await import('node:worker_threads');
    // Tinypool hands a worker [its own data, the pool's workerData].
    const rules = Array.isArray(workerData) ? (workerData[1] as RuleSet | undefined) : undefined;
    if (rules?.key !== task.key) throw new Error('a pool task reached a worker without its rule set');
    workerMatcher = { key: task.key, matcher: createMatcher(parsePolicies(rules.sources), rules.matcherOptions) };
  }
  const core = engineOf(workerMatcher.matcher);
  if (task.file) {
    const slice = evaluateSlice(core, task.file.path, task.file.start, task.file.end, task.day, task.opts.scope ?? 'applicable');
    const x = slice.extras;
    return moved(slice, [slice.codes.buffer, slice.extraAt.buffer, x.col.buffer, x.tri.buffer, x.min.buffer, x.max.buffer, x.unit.buffer, x.missingAt.buffer, x.missing.buffer]);
  }
  const results: Evaluation[][] = [];
  for (const input of task.json !== undefined ? (JSON.parse(task.json) as unknown[]) : task.profiles) {
    const r = safeParseProfileFast(input);
    if (!r.success) return { invalid: r.error.issues };
    results.push(core.evaluateProfile(r.profile, task.day, task.opts));
  }
  if (task.opts.mode !== 'verdict') return { full: results };
  // Plain data across the thread: a code per policy where the result is the shared one for its status.
  const pool = core.candidates(undefined, task.day);
  const codes = new Uint8Array(results.length * pool.length);
  const extras: Evaluation[] = [];
  results.forEach((list, i) => {
    let k = 0;
    for (const e of list) {
      while (pool[k]!.policy.id !== e.policyId) k++;
      const cp = pool[k]!;
      if (core.isShared(cp, e.status)) codes[i * pool.length + k] = e.status === 'ineligible' ? NO : YES;
      else {
        codes[i * pool.length + k] = EXTRA;
        extras.push(e);
      }
    }
  });
  return moved({ count: results.length, codes, extras }, [codes.buffer]);
}

/**
 * Starts a worker pool for a rule set.
 * @example
 * const pm = createParallelMatcher(await readRuleSources('rules'), { threads: 2 });
 * const out = await pm.evaluateMany(profiles, { asOf: '2025-06-01', mode: 'verdict' });
 * await pm.destroy();
 */
export async function createParallelMatcher(sources: readonly PolicySource[], options: ParallelOptions = {}): Promise<ParallelMatcher> {
  const { default: Tinypool } = await import('tinypool');
  const matcherOptions = options.matcherOptions ?? {};
  const matcher = createMatcher(parsePolicies(sources), matcherOptions);
  const key = contentHash(sources.map((s) => [s.name, s.text]));
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const pool = new Tinypool({
    // From TypeScript sources (tests, benchmarks) workers start through a loader shim.
    filename: here.endsWith('.ts') ? here.replace(/parallel\.ts$/, 'ts-worker.mjs') : here,
    name: 'poolTask',
    minThreads: threads,
    maxThreads: threads,
    // Each worker gets the rules when it starts; tasks carry profiles only (200 rule files are 140 kB per task otherwise).
    workerData: { key, sources, matcherOptions } satisfies RuleSet,
  });
  const core = engineOf(matcher);
  return {
    matcher,
    async evaluateMany(profiles, opts = {}) {
      const { asOf, ...rest } = opts;
      const day = core.day(asOf);
      // Big units: two per thread. Each task costs a message, a clone of its profiles and a reply.
      const size = options.chunkSize ?? Math.max(64, Math.ceil(profiles.length / (threads * 2)));
      const tasks: Promise<Reply>[] = [];
      for (let i = 0; i < profiles.length; i += size) {
        const slice = profiles.slice(i, i + size);
        const task: Task = slice.every((p) => plainJson(p)) ? { key, profiles: [], json: JSON.stringify(slice), day, opts: rest } : { key, profiles: slice, day, opts: rest };
        tasks.push(pool.run(task) as Promise<Reply>);
      }
      const inForce = core.candidates(undefined, day);
      const out: Evaluation[][] = [];
      for (const reply of await Promise.all(tasks)) {
        // The first invalid profile in input order fails the batch, as evaluateMany does.
        if ('invalid' in reply) throw new ProfileValidationError(reply.invalid);
        if ('full' in reply) {
          out.push(...reply.full);
          continue;
        }
        const n = inForce.length;
        let next = 0;
        for (let i = 0; i < reply.count; i++) {
          const base = i * n;
          const list: Evaluation[] = [];
          for (let k = 0; k < n; k++) {
            const c = reply.codes[base + k]!;
            if (c === ABSENT) continue;
            const cp = inForce[k]!;
            list.push(c === NO ? core.sharedResult(cp, 'ineligible', day, rest.locale) : c === YES ? core.sharedResult(cp, 'eligible', day, rest.locale) : reply.extras[next++]!);
          }
          out.push(list);
        }
      }
      return out;
    },
    async evaluateFile(path, opts = {}) {
      const day = core.day(opts.asOf);
      const scope = opts.scope ?? 'applicable';
      const { size } = await stat(path);
      // A few slices per thread even out slices that hold slower profiles.
      const cuts = lineBoundaries(path, size, threads * 3);
      const tasks: Promise<SliceVerdicts>[] = [];
      for (let i = 0; i + 1 < cuts.length; i++) {
        const task: Task = { key, profiles: [], day, opts: { mode: 'verdict', scope }, file: { path, start: cuts[i]!, end: cuts[i + 1]! } };
        tasks.push(pool.run(task) as Promise<SliceVerdicts>);
      }
      return new FileVerdicts(core, day, await Promise.all(tasks), opts.locale);
    },
    destroy: () => pool.destroy(),
  };
}

/**
 * One-shot verdicts for a register file: `threads` 1 evaluates here, more start a pool whose
 * workers read their own slices.
 * @example
 * const v = await evaluateFileParallel('people.jsonl', { rules: 'rules', asOf: '2026-06-01', threads: 2 });
 */
export async function evaluateFileParallel(path: string, opts: FileOptions & ParallelOptions & { rules: string | readonly PolicySource[] }): Promise<FileVerdicts> {
  const { rules, threads, chunkSize, matcherOptions, ...fileOpts } = opts;
  const sources = typeof rules === 'string' ? await readPolicySources(rules) : rules;
  if ((threads ?? availableParallelism()) <= 1) return evaluateFile(createMatcher(parsePolicies(sources), matcherOptions ?? {}), path, fileOpts);
  const pm = await createParallelMatcher(sources, { ...(threads ? { threads } : {}), ...(chunkSize ? { chunkSize } : {}), ...(matcherOptions ? { matcherOptions } : {}) });
  try {
    return await pm.evaluateFile(path, fileOpts);
  } finally {
    await pm.destroy();
  }
}

/** One-shot parallel batch: starts a pool, evaluates, stops it. */
export async function evaluateManyParallel(sources: readonly PolicySource[], profiles: readonly unknown[], opts: EvaluateOptions & ParallelOptions = {}): Promise<Evaluation[][]> {
  const { threads, chunkSize, matcherOptions, ...evalOpts } = opts;
  const pm = await createParallelMatcher(sources, { ...(threads ? { threads } : {}), ...(chunkSize ? { chunkSize } : {}), ...(matcherOptions ? { matcherOptions } : {}) });
  try {
    return await pm.evaluateMany(profiles, evalOpts);
  } finally {
    await pm.destroy();
  }
}
