import { cliWordsFor } from '../core/catalogue/cli.js';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash } from '../core/hash.js';
import { createMatcher, type Matcher } from '../matcher/create.js';
import { PolicyValidationError } from '../policy/errors.js';
import { parsePolicies } from '../policy/parse.js';
import type { Policy } from '../policy/schema.js';
import { readPolicySources } from '../node/index.js';
import { pinyinReader } from '../search/pinyin.js';
import { safeParseProfileFast } from '../engine/index.js';
import type { ProfileIssue } from '../profile/validate.js';
import { maskText } from '../core/mask.js';
import { parseOfficers, type Officer } from '../officers/schema.js';
import { wordsFor } from '../core/catalogue/index.js';
import type { Locale } from '../core/locale.js';
import { CliError } from './args.js';

/** A profile read from disk, with the fixture's own `asOf` and expectations when it carries them. */
export interface ProfileFile {
  source: string;
  profile: unknown;
  asOf?: string;
  expect?: Record<string, unknown>;
}

/** A row that could not be used: where it is (file, and line or index), its id masked, what is wrong. */
export interface BadRow {
  source: string;
  id?: string;
  issues: ProfileIssue[];
}

/** What a profile path holds: the valid profiles in order, the rows that are not, and whether it is a batch. */
export interface ProfileBatch {
  files: ProfileFile[];
  bad: BadRow[];
  /** A folder, a JSON Lines file or a JSON array (one bad row does not stop the rest). */
  batch: boolean;
}

function unwrap(value: unknown, source: string): ProfileFile {
  if (value && typeof value === 'object' && 'profile' in value) {
    const v = value as { profile: unknown; asOf?: string; expect?: Record<string, unknown> };
    return { source, profile: v.profile, asOf: v.asOf, expect: v.expect };
  }
  return { source, profile: value };
}

/** JSON.parse whose error names the file (and line) it came from. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ProfileInputError((u) => u.notJson(source, (e as Error).message));
  }
}

/** One row: a valid profile, or a bad row naming where it is. */
function check(value: unknown, source: string, files: ProfileFile[], bad: BadRow[]): void {
  const f = unwrap(value, source);
  const r = safeParseProfileFast(f.profile);
  if (r.success) return void files.push(f);
  const id = (f.profile as { id?: unknown } | null)?.id;
  bad.push({ source, ...(typeof id === 'string' ? { id: maskText(id) } : {}), issues: r.error.issues });
}

/** A text's JSON value, or the issue saying it is not JSON. */
function jsonOrIssue(text: string): { value: unknown } | { issues: ProfileIssue[] } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { issues: [{ path: [], code: 'invalid_json', message: `not valid JSON (${(e as Error).message})` }] };
  }
}

async function readInto(path: string, files: ProfileFile[], bad: BadRow[]): Promise<boolean> {
  if ((await stat(path)).isDirectory()) {
    const names = (await readdir(path)).filter((n) => /\.jsonl?$/.test(n)).sort();
    for (const n of names) await readInto(join(path, n), files, bad);
    return true;
  }
  const text = await readFile(path, 'utf8');
  if (path.endsWith('.jsonl')) {
    text.split('\n').forEach((l, i) => {
      if (!l.trim()) return;
      const r = jsonOrIssue(l);
      if ('issues' in r) bad.push({ source: `${path}:${i + 1}`, issues: r.issues });
      else check(r.value, `${path}:${i + 1}`, files, bad);
    });
    return true;
  }
  const r = jsonOrIssue(text);
  if ('issues' in r) return bad.push({ source: path, issues: r.issues }), false;
  const data = r.value;
  if (Array.isArray(data)) data.forEach((d, i) => check(d, `${path}[${i}]`, files, bad));
  else check(data, path, files, bad);
  return Array.isArray(data);
}

/**
 * Reads profiles from a JSON file (one profile, a fixture, or an array), a .jsonl file, or a
 * folder of them. Every row is checked against the profile schema; the rows that fail come back
 * in `bad`, by file and line (or array index), so a batch goes on without them.
 */
export async function readProfileBatch(path: string): Promise<ProfileBatch> {
  const files: ProfileFile[] = [];
  const bad: BadRow[] = [];
  const batch = await readInto(path, files, bad);
  return { files, bad, batch };
}

/** A profile's problems in the run's language: path: problem; …. */
export function profileIssuesText(issues: readonly ProfileIssue[], locale: Locale): string {
  const u = cliWordsFor(locale).usage;
  return issues.map((i) => u.at(i.path.join('.'), u.profileIssue(i.code, i.message))).join(u.issues);
}

/** One line per bad row, for standard error: file:line (id): path: problem; … — and, in a batch, that the rest go on. */
export function formatBadRow(row: BadRow, locale: Locale, batch = true): string {
  const skipped = batch ? ` — ${wordsFor(locale).cli.skipped}` : '';
  return maskText(`${row.source}${row.id ? ` (${row.id})` : ''}: ${profileIssuesText(row.issues, locale)}${skipped}`);
}

/**
 * The profiles of `path` for a batch command: each bad row reported on standard error as it is
 * found; `status` is the exit code the bad rows call for (1 when some rows were bad, 2 when nothing
 * usable was left or a single profile file was bad, else 0).
 */
export async function readProfilesReporting(path: string, stderr: (t: string) => void, locale: Locale): Promise<{ files: ProfileFile[]; status: 0 | 1 | 2 }> {
  const { files, bad, batch } = await readProfileBatch(path);
  for (const b of bad) stderr(formatBadRow(b, locale));
  return { files, status: bad.length === 0 ? 0 : !batch || files.length === 0 ? 2 : 1 };
}

/** The first profile of `path` for a command that takes one person: any bad row in it is bad input (exit 2). */
export async function readOneProfile(path: string): Promise<ProfileFile> {
  const { files, bad } = await readProfileBatch(path);
  if (bad.length) throw new ProfileInputError((_u, locale) => formatBadRow(bad[0]!, locale, false));
  if (!files.length) throw new ProfileInputError((u) => u.noProfile(path));
  return files[0]!;
}

/** A profile file that cannot be used (exit 2); the message names the file. */
export class ProfileInputError extends CliError {
  override name = 'ProfileInputError';
}

/** Parsed rule sets by content: a process that runs many commands (a shell, a test) parses each set once. */
const parsed = new Map<string, readonly Policy[]>();
const KEEP = 4;

/** The policies under `rulesDir`, as `loadPolicyDir` reads them, reusing an earlier parse of the same content. */
export async function loadRules(rulesDir: string): Promise<Policy[]> {
  if (!existsSync(rulesDir)) throw new PolicyValidationError([{ file: rulesDir, path: [], code: 'not_found', message: `no such folder: ${rulesDir}` }]);
  const sources = await readPolicySources(rulesDir);
  if (sources.length === 0) throw new PolicyValidationError([{ file: rulesDir, path: [], code: 'no_policies', message: `no .yaml, .yml or .json rule files under ${rulesDir}` }]);
  const key = contentHash(sources.map((s) => [s.name, s.text]));
  let policies = parsed.get(key);
  if (!policies) {
    policies = parsePolicies(sources);
    if (parsed.size >= KEEP) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, policies);
  }
  return [...policies];
}

export async function loadMatcher(rulesDir: string): Promise<Matcher> {
  return createMatcher(await loadRules(rulesDir), { pinyin: pinyinReader });
}

/** The service officers in a JSON file (an array); a file that is not one is bad input, named. */
export async function readOfficers(path: string): Promise<Officer[]> {
  const data = parseJson(await readFile(path, 'utf8'), path);
  try {
    return parseOfficers(data);
  } catch (e) {
    const issues = (e as { issues?: { path: PropertyKey[]; code: string; message: string }[] }).issues;
    if (!issues) throw e;
    const first = issues.slice(0, 3).map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), code: i.code, message: i.message }));
    throw new ProfileInputError((u, locale) => u.notOfficers(path, profileIssuesText(first, locale)));
  }
}
