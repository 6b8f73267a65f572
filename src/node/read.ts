import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { PolicySource } from '../policy/parse.js';
import { LIMITS } from '../policy/schema.js';

const RULE_FILE = /\.(ya?ml|json)$/i;

/** Paths of every .yaml/.yml/.json below `dir`, sorted, skipping `*.schema.json`. */
export async function listRuleFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && RULE_FILE.test(e.name) && !e.name.endsWith('.schema.json')) out.push(p);
    }
  }
  await walk(dir);
  return out;
}

/** Reads rule files into sources named by their path relative to the working directory. */
export async function readRuleSources(dir: string, only?: (path: string) => boolean): Promise<PolicySource[]> {
  const files = (await listRuleFiles(dir)).filter((f) => !only || only(f));
  return Promise.all(
    files.map(async (f) => {
      const size = (await stat(f)).size;
      // Oversized files are reported by parsePolicies without reading them whole.
      const text = size > LIMITS.maxFileBytes ? ' '.repeat(LIMITS.maxFileBytes + 1) : await readFile(f, 'utf8');
      return { name: relative(process.cwd(), f) || f, text };
    }),
  );
}

/** Project files live under `<rules>/projects`, beside the policies but in their own language. */
const isProjectFile = (dir: string, file: string): boolean => relative(dir, file).split(/[\\/]/)[0] === 'projects';

/** The policy sources below `dir`: every rule file except the projects. */
export function readPolicySources(dir: string): Promise<PolicySource[]> {
  return readRuleSources(dir, (f) => !isProjectFile(dir, f));
}
