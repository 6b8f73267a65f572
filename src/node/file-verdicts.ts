import { stat } from 'node:fs/promises';
import { engineOf, type Matcher } from '../matcher/create.js';
import type { Evaluation, MatcherCore } from '../engine/index.js';
import type { ProfileIssue } from '../profile/validate.js';
import type { Locale } from '../core/locale.js';
import { evaluateSlice, rowEvaluations, type SliceVerdicts } from './file-batch.js';

export interface FileOptions {
  asOf?: Date | string;
  /** `applicable` (default) leaves out other regions' policies, as `evaluate` does; `all` reports every policy in force. */
  scope?: 'all' | 'applicable';
  /** The locale of the results' titles and amounts (default zh-CN). */
  locale?: Locale;
}

/** Verdict-mode results for a register file, kept in typed arrays; rows are the valid profiles in file order. */
export class FileVerdicts {
  /** Valid profiles read. */
  readonly count: number;
  /** The policies in force on the day: the columns of `status`. */
  readonly policyIds: readonly string[];
  /** Rows that are not valid profiles, by line number, with masked issues. */
  readonly invalid: readonly { line: number; issues: ProfileIssue[] }[];
  private readonly starts: number[] = [];

  constructor(
    private readonly core: MatcherCore,
    private readonly day: number,
    private readonly slices: readonly SliceVerdicts[],
    private readonly locale: Locale = 'zh-CN',
  ) {
    let count = 0;
    let lines = 0;
    const invalid: { line: number; issues: ProfileIssue[] }[] = [];
    for (const s of slices) {
      this.starts.push(count);
      count += s.count;
      for (const x of s.invalid) invalid.push({ line: x.line + lines, issues: x.issues });
      lines += s.lines;
    }
    this.count = count;
    this.invalid = invalid;
    this.policyIds = core.candidates(undefined, day).map((cp) => cp.policy.id);
  }

  private at(i: number): [SliceVerdicts, number] {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) throw new RangeError(`no row ${i}`);
    let lo = 0;
    for (let hi = this.starts.length - 1; lo < hi; ) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return [this.slices[lo]!, i - this.starts[lo]!];
  }

  /** The id of row `i`. */
  id(i: number): string {
    const [s, r] = this.at(i);
    return s.ids[r]!;
  }

  /** Row `i`'s status per policy in force: 0 not applicable, 1 ineligible, 2 eligible, 3 eligible or unknown (see `evaluations`). */
  codes(i: number): Uint8Array {
    const [s, r] = this.at(i);
    const n = this.policyIds.length;
    return s.codes.subarray(r * n, (r + 1) * n);
  }

  /** Row `i`'s results, exactly as `evaluateMany` gives them in verdict mode. */
  evaluations(i: number): Evaluation[] {
    const [s, r] = this.at(i);
    return rowEvaluations(this.core, this.day, s, r, this.locale);
  }
}

/** The single-thread path of `evaluateFile`: the whole file as one slice, in this thread. */
export async function evaluateFile(matcher: Matcher, path: string, opts: FileOptions = {}): Promise<FileVerdicts> {
  const day = engineOf(matcher).day(opts.asOf);
  const { size } = await stat(path);
  return new FileVerdicts(engineOf(matcher), day, [evaluateSlice(engineOf(matcher), path, 0, size, day, opts.scope ?? 'applicable')], opts.locale);
}
