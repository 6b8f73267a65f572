import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskText } from '../core/mask.js';
import { safeParseProfileFast } from '../engine/index.js';
import { MAX_PROFILE_BYTES, type ProfileIssue } from '../profile/validate.js';
import type { ScreenError } from '../screen/types.js';
import { RawLine } from '../store/run.js';
import type { BadRow } from './io.js';
import { chunksOf, forEachLineSync, LineSplitter } from './lines.js';

/** Why a line of a register is not a row: longer than a profile may be, or not JSON. */
const tooLong = (line: number): ProfileIssue => ({ path: [], code: 'line_too_long', message: `line ${line} is longer than ${MAX_PROFILE_BYTES} characters, the profile size limit; skipped` });
const notJson = (line: number): ProfileIssue => ({ path: [], code: 'invalid_json', message: `line ${line} is not JSON` });

/** A register file read as profiles, with what could not be read. */
export interface RegisterReader {
  profiles: AsyncGenerator<unknown>;
  /** Bytes read so far, for progress. */
  bytes(): number;
  /** Lines that were not profiles (not JSON, or over the size limit), the first 20, and how many in all. */
  bad: ScreenError[];
  badCount(): number;
  /** The line number of the `index`-th row handed out (0-based, in the order `profiles` yields them). */
  lineOf(index: number): number;
}

/**
 * Streams a JSON Lines register: blank lines skipped, a UTF-8 BOM accepted, a line that is not JSON
 * or is longer than the profile size limit reported by its line number and skipped as it streams by.
 * `beforeYield` lets the caller apply back-pressure (an output stream that needs draining); with
 * `raw`, lines come out as `RawLine`s, unparsed.
 */
export function readRegister(path: string, opts: { beforeYield?: () => Promise<void> | undefined; raw?: boolean; onBad?: (line: number, issue: ProfileIssue) => void } = {}): RegisterReader {
  let bytes = 0;
  let line = 0;
  let count = 0;
  let profileIndex = 0;
  const bad: ScreenError[] = [];
  // Rows handed out before each line that was not (blank or bad), ascending: row i is on line i + 1 + (skips at or before i).
  const skips: number[] = [];
  const report = (issue: ProfileIssue) => {
    count++;
    if (bad.length < 20) bad.push({ index: profileIndex, issues: [issue] });
    opts.onBad?.(line, issue);
  };
  const parseLine = (text: string | null): unknown => {
    line++;
    if (text === null) return skips.push(profileIndex), report(tooLong(line)), undefined;
    if (!text.trim()) return skips.push(profileIndex), undefined;
    // Parsed later, if at all (a store skips people whose line it has seen under the same rules).
    if (opts.raw) return profileIndex++, new RawLine(line, text);
    try {
      const value: unknown = JSON.parse(text);
      profileIndex++;
      return value;
    } catch {
      return skips.push(profileIndex), report(notJson(line)), undefined;
    }
  };
  const lineOf = (index: number): number => {
    let lo = 0;
    let hi = skips.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (skips[mid]! <= index) lo = mid + 1;
      else hi = mid;
    }
    return index + 1 + lo;
  };
  // One generator between the file and screen: each layer of async iteration costs a promise a profile.
  async function* profiles(): AsyncGenerator<unknown> {
    const split = new LineSplitter(MAX_PROFILE_BYTES);
    for await (const chunk of chunksOf(path)) {
      bytes += chunk.length;
      for (const text of split.push(chunk)) {
        const value = parseLine(text);
        if (value === undefined) continue;
        const wait = opts.beforeYield?.();
        if (wait) await wait;
        yield value;
      }
    }
    for (const text of split.end()) {
      const value = parseLine(text);
      if (value !== undefined) yield value;
    }
  }
  return { profiles: profiles(), bytes: () => bytes, bad, badCount: () => count, lineOf };
}

/** A register whose bad rows were reported and left out: the file to read, and how many were bad. */
export interface CheckedRegister {
  path: string;
  bad: number;
  /** Removes the copy without the bad rows, if one was made. */
  dispose(): Promise<void>;
}

/**
 * Checks every row of a JSON Lines register as `match` and `screen` check theirs: each line that is
 * not JSON, too long, or not a valid profile goes to `report` (file:line, the id masked, the issues)
 * as it is met. When some were bad, the good lines are copied to a private temp file for a reader
 * that cannot skip rows itself (DuckDB); with none bad, `path` is the register itself.
 */
export async function checkRegister(path: string, report: (row: BadRow) => void): Promise<CheckedRegister> {
  const badLines = new Set<number>();
  const bad = (line: number, issues: ProfileIssue[], id?: unknown) => {
    badLines.add(line);
    report({ source: `${path}:${line}`, ...(typeof id === 'string' ? { id: maskText(id) } : {}), issues });
  };
  // One synchronous pass: a promise per line would cost more than checking it.
  let line = 0;
  forEachLineSync(path, MAX_PROFILE_BYTES, (text) => {
    line++;
    if (text === null) return bad(line, [tooLong(line)]);
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return bad(line, [notJson(line)]);
    }
    const r = safeParseProfileFast(value);
    if (!r.success) bad(line, r.error.issues, (value as { id?: unknown } | null)?.id);
  });
  if (badLines.size === 0) return { path, bad: 0, dispose: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), 'guiyan-register-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const copy = join(dir, 'register.jsonl');
  try {
    // Private to this process (the folder is 0700, the file 0600): it holds phone numbers.
    const fd = openSync(copy, 'w', 0o600);
    try {
      let n = 0;
      let buf = '';
      forEachLineSync(path, Infinity, (text) => {
        if (badLines.has(++n)) return;
        buf += `${text}\n`;
        if (buf.length >= 1 << 16) writeSync(fd, buf), (buf = '');
      });
      if (buf) writeSync(fd, buf);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    await dispose();
    throw e;
  }
  return { path: copy, bad: badLines.size, dispose };
}
