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

/** A profile read from disk, with the fixture's own `asOf` and expectations when it carries them. */
export interface ProfileFile {
  source: string;
  profile: unknown;
  asOf?: string;
  expect?: Record<string, unknown>;
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
    throw new SyntaxError(`${source}: not valid JSON (${(e as Error).message})`);
  }
}

/** Reads profiles from a JSON file (one profile, a fixture, or an array), a .jsonl file, or a directory of them. */
export async function readProfiles(path: string): Promise<ProfileFile[]> {
  if ((await stat(path)).isDirectory()) {
    const names = (await readdir(path)).filter((n) => /\.jsonl?$/.test(n)).sort();
    return (await Promise.all(names.map((n) => readProfiles(join(path, n))))).flat();
  }
  const text = await readFile(path, 'utf8');
  if (path.endsWith('.jsonl')) {
    return text
      .split('\n')
      .map((l, i) => [l, i] as const)
      .filter(([l]) => l.trim())
      .map(([l, i]) => unwrap(parseJson(l, `${path}:${i + 1}`), `${path}:${i + 1}`));
  }
  const data: unknown = parseJson(text, path);
  return Array.isArray(data) ? data.map((d, i) => unwrap(d, `${path}[${i}]`)) : [unwrap(data, path)];
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
