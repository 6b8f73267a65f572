import { readFile, stat } from 'node:fs/promises';
import { checkState, compactEntry, compactPolicy, sharedTable } from '../screen/state.js';
import type { ScreenState } from '../screen/types.js';
import { UsageError } from './args.js';
import { jsonLines } from './lines.js';

/**
 * The JSON state of earlier versions (`--state`), one person a line, so it is never one huge
 * string; what can be derived (hashes equal to the run's rules, empty dedupe records) is left out,
 * and records many people share are stored once in `shared`; checkState restores them.
 */
export function* stateChunks(state: ScreenState): Generator<string> {
  const shared = sharedTable(state);
  const table = [...shared.keys()].map((p) => compactPolicy(p, undefined)).join(',');
  yield `{"version":${state.version},${state.asOf !== undefined ? `"asOf":${JSON.stringify(state.asOf)},` : ''}"rules":${JSON.stringify(state.rules)},${table ? `"shared":[${table}],` : ''}"profiles":{\n`;
  let first = true;
  for (const id in state.profiles) {
    yield `${first ? '' : ',\n'}${JSON.stringify(id)}:${compactEntry(state.profiles[id]!, state.rules, shared)}`;
    first = false;
  }
  yield `${first ? '' : '\n'}}}\n`;
}

/**
 * Reads a state written by `stateChunks` a line at a time (one person a line), so the file is never
 * one huge string; any other JSON layout is parsed whole.
 */
async function parseStateFile(path: string): Promise<unknown> {
  let head: Record<string, unknown> | undefined;
  const profiles: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let closed = false;
  for await (const line of jsonLines(path)) {
    if (head === undefined) {
      if (!line.endsWith('"profiles":{')) return JSON.parse(await readFile(path, 'utf8'));
      head = JSON.parse(`${line}}}`) as Record<string, unknown>;
    } else if (line === '}}') closed = true;
    else if (line.trim()) {
      const one = JSON.parse(`{${line.endsWith(',') ? line.slice(0, -1) : line}}`) as Record<string, unknown>;
      for (const id in one) profiles[id] = one[id];
    }
  }
  if (!head || !closed) throw new SyntaxError('the file ends early');
  return { ...head, profiles };
}

/** A JSON screening state file; undefined when it does not exist. */
export async function readStateFile(path: string): Promise<ScreenState | undefined> {
  try {
    await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return checkState(await parseStateFile(path));
  } catch (e) {
    throw new UsageError((u) => u.notState(path));
  }
}
