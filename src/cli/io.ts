import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createMatcher, type Matcher } from '../matcher/create.js';
import { loadPolicyDir } from '../node/index.js';

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
      .map(([l, i]) => unwrap(JSON.parse(l), `${path}:${i + 1}`));
  }
  const data: unknown = JSON.parse(text);
  return Array.isArray(data) ? data.map((d, i) => unwrap(d, `${path}[${i}]`)) : [unwrap(data, path)];
}

export async function loadMatcher(rulesDir: string): Promise<Matcher> {
  return createMatcher(await loadPolicyDir(rulesDir));
}
