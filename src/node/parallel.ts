import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createMatcher, type Matcher } from '../engine/create.js';
import type { EvaluateOptions, Evaluation, MatcherOptions } from '../engine/matcher.js';
import { parsePolicies, type PolicySource } from '../policy/parse.js';
import { contentHash } from '../core/hash.js';
import { ProfileValidationError, type ProfileIssue } from '../profile/validate.js';
import { safeParseProfileFast } from '../engine/profile-check.js';

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
  readonly matcher: Matcher;
  destroy(): Promise<void>;
}

interface Task {
  key: string;
  sources: readonly PolicySource[];
  matcherOptions: Omit<MatcherOptions, 'clock'>;
  profiles: readonly unknown[];
  day: number;
  opts: Omit<EvaluateOptions, 'asOf'>;
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

/** A reply whose code buffer is handed over to the main thread instead of copied. */
async function moved(reply: Reply & { codes: Uint8Array }): Promise<unknown> {
  const { markMovable } = await import('tinypool');
  const wrapped = { [Symbol.for('Tinypool.transferable')]: [reply.codes.buffer], [Symbol.for('Tinypool.valueOf')]: reply };
  markMovable(wrapped);
  return wrapped;
}

let workerMatcher: { key: string; matcher: Matcher } | undefined;

/** Runs inside a worker: compiles once per rule set, evaluates one chunk. */
export async function poolTask(task: Task): Promise<unknown> {
  if (workerMatcher?.key !== task.key) workerMatcher = { key: task.key, matcher: createMatcher(parsePolicies(task.sources), task.matcherOptions) };
  const { core } = workerMatcher.matcher;
  const results: Evaluation[][] = [];
  for (const input of task.profiles) {
    const r = safeParseProfileFast(input);
    if (!r.success) return { invalid: r.error.issues };
    results.push(core.evaluateProfile(r.profile, task.day, task.opts));
  }
  if (task.opts.mode !== 'verdict') return { full: results };
  const pool = core.candidates(undefined, task.day);
  const params = core.params.at(task.day);
  const codes = new Uint8Array(results.length * pool.length);
  const extras: Evaluation[] = [];
  results.forEach((list, i) => {
    let k = 0;
    for (const e of list) {
      while (pool[k]!.policy.id !== e.policyId) k++;
      const cp = pool[k]!;
      if (e === core.shared.ineligible(cp)) codes[i * pool.length + k] = NO;
      else if (e === core.shared.eligible(cp, params)) codes[i * pool.length + k] = YES;
      else {
        codes[i * pool.length + k] = EXTRA;
        extras.push(e);
      }
    }
  });
  return moved({ count: results.length, codes, extras });
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
  });
  const core = matcher.core;
  return {
    matcher,
    async evaluateMany(profiles, opts = {}) {
      const { asOf, ...rest } = opts;
      const day = core.day(asOf);
      const size = options.chunkSize ?? Math.max(64, Math.ceil(profiles.length / (threads * 8)));
      const tasks: Promise<Reply>[] = [];
      for (let i = 0; i < profiles.length; i += size) {
        const task: Task = { key, sources, matcherOptions, profiles: profiles.slice(i, i + size), day, opts: rest };
        tasks.push(pool.run(task) as Promise<Reply>);
      }
      const inForce = core.candidates(undefined, day);
      const params = core.params.at(day);
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
            list.push(c === NO ? core.shared.ineligible(cp) : c === YES ? core.shared.eligible(cp, params) : reply.extras[next++]!);
          }
          out.push(list);
        }
      }
      return out;
    },
    destroy: () => pool.destroy(),
  };
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
