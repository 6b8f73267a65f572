import { closeSync, openSync, readSync } from 'node:fs';
import { type AmountRange, evaluation, NONE, type Evaluation, type MatcherCore, safeParseProfileFast } from '../engine/index.js';
import type { Locale } from '../core/locale.js';
import type { ProfileIssue } from '../profile/validate.js';

/**
 * Verdicts for a slice of a JSON Lines register, in typed arrays: a worker reads its own bytes
 * and hands back a few buffers instead of receiving and returning cloned objects.
 */

// One code per (profile, policy in force): not applicable, ineligible, eligible with the shared amount, or an extra.
export const ABSENT = 0;
export const NO = 1;
export const YES = 2;
export const EXTRA = 3;

/** Verdicts that are not shared: unknowns and answer-dependent amounts, row by row. */
export interface Extras {
  /** Column (policy in force) of each extra. */
  col: Uint16Array;
  /** 1 eligible, 2 unknown (core/tri.ts). */
  tri: Uint8Array;
  /** Amount bounds, NaN without an amount; unit by index into `units`. */
  min: Float64Array;
  max: Float64Array;
  unit: Uint16Array;
  /** Missing fields of extra k: `fields[missing[missingAt[k]..missingAt[k+1]]]`. */
  missingAt: Int32Array;
  missing: Uint16Array;
}

/** One slice's verdicts. */
export interface SliceVerdicts {
  count: number;
  /** Profile ids in file order (valid rows only). */
  ids: string[];
  /** Each row's region code ('' when unanswered): figures regions may set, and the words for them, depend on it. */
  regions: string[];
  /** count × policies codes. */
  codes: Uint8Array;
  /** Extras of row i are `extraAt[i]..extraAt[i+1]`. */
  extraAt: Int32Array;
  extras: Extras;
  /** Field paths and units the extras refer to by index. */
  fields: string[];
  units: string[];
  /** Rows that are not valid profiles, by line number (1-based, across the file). */
  invalid: { line: number; issues: ProfileIssue[] }[];
  /** Lines read (to number the next slice's lines). */
  lines: number;
}

/** Calls `line` for each line of bytes [start, end) of a file, read in small pieces. */
export function forEachLine(path: string, start: number, end: number, line: (text: string) => void): void {
  const fd = openSync(path, 'r');
  try {
    const piece = Buffer.allocUnsafe(1 << 16);
    let carry: Buffer | null = null;
    let pos = start;
    while (pos < end) {
      const n = readSync(fd, piece, 0, Math.min(piece.length, end - pos), pos);
      if (n <= 0) break;
      pos += n;
      const buf: Buffer = carry ? Buffer.concat([carry, piece.subarray(0, n)]) : piece.subarray(0, n);
      let from = 0;
      for (let nl = buf.indexOf(10, from); nl !== -1; nl = buf.indexOf(10, from)) {
        line(buf.toString('utf8', from, nl > from && buf[nl - 1] === 13 ? nl - 1 : nl));
        from = nl + 1;
      }
      carry = from < buf.length ? Buffer.from(buf.subarray(from)) : null;
    }
    if (carry) line(carry.toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

/** Byte offsets that cut a file into about `parts` slices, each cut just after a line break. */
export function lineBoundaries(path: string, size: number, parts: number): number[] {
  const cuts = [0];
  const fd = openSync(path, 'r');
  try {
    const probe = Buffer.allocUnsafe(1 << 16);
    for (let k = 1; k < parts; k++) {
      let pos = Math.max(Math.floor((size * k) / parts), cuts[cuts.length - 1]!);
      for (;;) {
        const n = readSync(fd, probe, 0, probe.length, pos);
        if (n <= 0) {
          pos = size;
          break;
        }
        const nl = probe.subarray(0, n).indexOf(10);
        if (nl !== -1) {
          pos += nl + 1;
          break;
        }
        pos += n;
      }
      if (pos > cuts[cuts.length - 1]! && pos < size) cuts.push(pos);
    }
  } finally {
    closeSync(fd);
  }
  cuts.push(size);
  return cuts;
}

/** A growable typed column. */
class Column<T extends Uint8Array | Uint16Array | Int32Array | Float64Array> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data as never);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/**
 * Reads one slice and evaluates every valid profile in verdict mode (as `evaluateMany` does with
 * `scope`), encoding the results. `firstLine` numbers the slice's first line.
 */
export function evaluateSlice(core: MatcherCore, path: string, start: number, end: number, day: number, scope: 'all' | 'applicable', firstLine = 1): SliceVerdicts {
  const pool = core.candidates(undefined, day);
  const colOf = new Int32Array(core.compiled.length).fill(-1);
  pool.forEach((cp, i) => (colOf[cp.index] = i));
  const n = pool.length;
  const fill = scope === 'all' ? NO : ABSENT;
  const ids: string[] = [];
  const regions: string[] = [];
  const invalid: SliceVerdicts['invalid'] = [];
  let codes = new Uint8Array(1024 * n);
  const extraAt = new Column((k) => new Int32Array(k));
  const col = new Column((k) => new Uint16Array(k));
  const tri = new Column((k) => new Uint8Array(k));
  const min = new Column((k) => new Float64Array(k));
  const max = new Column((k) => new Float64Array(k));
  const unit = new Column((k) => new Uint16Array(k));
  const missingAt = new Column((k) => new Int32Array(k));
  const missing = new Column((k) => new Uint16Array(k));
  const fields: string[] = [];
  const fieldIndex = new Map<string, number>();
  const units: string[] = [];
  const unitIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: string[], s: string) => {
    let i = map.get(s);
    if (i === undefined) map.set(s, (i = list.push(s) - 1));
    return i;
  };
  let row = 0;
  let line = firstLine - 1;
  forEachLine(path, start, end, (text) => {
    line++;
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      invalid.push({ line, issues: [{ path: [], code: 'invalid_json', message: `line ${line} is not JSON` }] });
      return;
    }
    const r = safeParseProfileFast(value);
    if (!r.success) return void invalid.push({ line, issues: r.error.issues });
    if ((row + 1) * n > codes.length) {
      const grown = new Uint8Array(codes.length * 2);
      grown.set(codes);
      codes = grown;
    }
    const base = row * n;
    if (fill !== ABSENT) codes.fill(fill, base, base + n);
    extraAt.push(col.length);
    ids.push(r.profile.id);
    regions.push(r.profile.regionCode ?? '');
    core.verdicts(r.profile, day, (cp, t, f, p) => {
      const c = colOf[cp.index]!;
      if (t === 0) return void (codes[base + c] = NO);
      if (t === 1 && (!cp.amount || cp.amountIsConstant)) return void (codes[base + c] = YES);
      codes[base + c] = EXTRA;
      const a: AmountRange | null = core.amountOf(cp, f, p);
      col.push(c);
      tri.push(t);
      min.push(a ? a.min : NaN);
      max.push(a ? a.max : NaN);
      unit.push(a ? indexOf(unitIndex, units, a.unit) : 0);
      missingAt.push(missing.length);
      if (t === 2) for (const m of core.missingOf(cp, f, p)) missing.push(indexOf(fieldIndex, fields, m));
    });
    row++;
  });
  extraAt.push(col.length);
  missingAt.push(missing.length);
  return {
    count: row,
    ids,
    regions,
    codes: codes.slice(0, row * n),
    extraAt: extraAt.done(),
    extras: { col: col.done(), tri: tri.done(), min: min.done(), max: max.done(), unit: unit.done(), missingAt: missingAt.done(), missing: missing.done() },
    fields,
    units,
    invalid,
    lines: line - firstLine + 1,
  };
}

/**
 * Rebuilds row `i`'s results exactly as `evaluateMany` gives them in verdict mode: shared
 * results where the engine shares them, new objects for the extras.
 */
export function rowEvaluations(core: MatcherCore, day: number, s: SliceVerdicts, i: number, locale: Locale): Evaluation[] {
  const pool = core.candidates(undefined, day);
  const n = pool.length;
  const out: Evaluation[] = [];
  let k = s.extraAt[i]!;
  for (let c = 0; c < n; c++) {
    const code = s.codes[i * n + c]!;
    if (code === ABSENT) continue;
    const cp = pool[c]!;
    if (code === NO) out.push(core.sharedResult(cp, 'ineligible', day, locale));
    else if (code === YES) out.push(core.sharedResult(cp, 'eligible', day, locale));
    else {
      const x = s.extras;
      const missing = x.tri[k] === 2 ? Array.from(x.missing.subarray(x.missingAt[k]!, x.missingAt[k + 1]!), (m) => s.fields[m]!) : NONE;
      const status = x.tri[k] === 1 ? 'eligible' : 'unknown';
      const amount = Number.isNaN(x.min[k]!) ? null : { min: x.min[k]!, max: x.max[k]!, unit: s.units[x.unit[k]!]! };
      const basis = cp.local.length ? core.amountBasisOf(cp, core.params.at(day, s.regions[i] || undefined), locale) : undefined;
      out.push(evaluation(cp.policy, locale, status, missing, NONE, amount, basis));
      k++;
    }
  }
  return out;
}
