import { MAX_PROFILE_BYTES, type ProfileIssue } from '../profile/validate.js';
import type { ScreenError } from '../screen/types.js';
import { RawLine } from '../store/run.js';
import { chunksOf, LineSplitter } from './lines.js';

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
  const report = (code: string, message: string) => {
    count++;
    const issue = { path: [], code, message };
    if (bad.length < 20) bad.push({ index: profileIndex, issues: [issue] });
    opts.onBad?.(line, issue);
  };
  const parseLine = (text: string | null): unknown => {
    line++;
    if (text === null) return skips.push(profileIndex), report('line_too_long', `line ${line} is longer than ${MAX_PROFILE_BYTES} characters, the profile size limit; skipped`), undefined;
    if (!text.trim()) return skips.push(profileIndex), undefined;
    // Parsed later, if at all (a store skips people whose line it has seen under the same rules).
    if (opts.raw) return profileIndex++, new RawLine(line, text);
    try {
      const value: unknown = JSON.parse(text);
      profileIndex++;
      return value;
    } catch {
      return skips.push(profileIndex), report('invalid_json', `line ${line} is not JSON`), undefined;
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
