import { createReadStream, createWriteStream } from 'node:fs';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { parseOfficers } from '../../officers/schema.js';
import { maskText } from '../../core/mask.js';
import { screen } from '../../screen/screen.js';
import { checkState, compactEntry, compactPolicy, sameState, sharedTable } from '../../screen/state.js';
import type { ScreenError, ScreenState } from '../../screen/types.js';
import { COMMON_HELP, localeOf, parse, UsageError, type Command } from '../args.js';
import { loadMatcher } from '../io.js';

const HELP = `guiyan screen --profiles FILE.jsonl --state STATE.json --out DELIVERIES.jsonl [options]

Screens a register (JSON Lines, one profile a line) against every rule, writes one delivery a line
({ profileId, policyIds, channel, to, text, sendAt }) for what changed since the last run, and
replaces STATE.json atomically. A missing STATE.json starts afresh.

${COMMON_HELP}
  --profiles FILE  the register, JSON Lines
  --state FILE     the screening state, read and replaced
  --out FILE       deliveries, JSON Lines (default: standard output)
  --window-days N  window-closing this many days before a deadline (default 14)
  --signature S    SMS signature inside 【】 (default 归雁服务)
  --part-cap N     most parts per SMS (default 1)
  --channels C     prefer-chat (default) or both
  --officers FILE  service officers (JSON array): each follow-up goes to the covering officer with the lowest load`;

/** Temp name beside the target, so the final rename stays on one file system. */
const tempOf = (path: string) => `${path}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;

async function syncDir(path: string): Promise<void> {
  try {
    const dir = await open(dirname(path), 'r');
    await dir.sync().finally(() => dir.close());
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}

/**
 * Writes `chunks` to a temp file, fsyncs it and renames it over `path`: a crash at any point leaves
 * either the old file or the new one whole, never a mix. A failed write removes its temp file.
 */
export async function writeFileAtomic(path: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const tmp = tempOf(path);
  const fh = await open(tmp, 'w');
  try {
    let buf = '';
    for await (const c of chunks) {
      buf += c;
      // Small pieces: strings past V8's large-object size live in the old heap until a full collection.
      if (buf.length >= 1 << 15) await fh.write(buf), (buf = '');
    }
    if (buf) await fh.write(buf);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fh.close();
  await rename(tmp, path);
  await syncDir(path);
}

/**
 * The state as JSON text, one person a line, so it is never one huge string; what can be derived
 * (hashes equal to the run's rules, empty dedupe records) is left out, and records many people
 * share are stored once in `shared`; checkState restores them.
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

async function readState(path: string): Promise<ScreenState | undefined> {
  try {
    await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return checkState(await parseStateFile(path));
  } catch (e) {
    throw new UsageError(`${path} is not a screening state (${(e as Error).message}); it was left as it is`);
  }
}

/** Splits decoded chunks into lines (without their line breaks, a trailing CR dropped). */
class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';

  push(chunk: Buffer): string[] {
    const text = this.rest + this.decoder.write(chunk);
    const out: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      out.push(text.charCodeAt(nl - 1) === 13 && nl > start ? text.slice(start, nl - 1) : text.slice(start, nl));
      start = nl + 1;
    }
    this.rest = text.slice(start);
    return out;
  }

  end(): string[] {
    const last = this.rest + this.decoder.end();
    return last ? [last.endsWith('\r') ? last.slice(0, -1) : last] : [];
  }
}

/**
 * A file's chunks, 32 KiB at a time: one await per chunk instead of one per line, and chunks small
 * enough to die young (larger strings go straight to the old heap and swell the process until a
 * full collection).
 */
const chunksOf = (path: string) => createReadStream(path, { highWaterMark: 1 << 15 }) as AsyncIterable<Buffer>;

/** The lines of a file. */
export async function* jsonLines(path: string): AsyncGenerator<string> {
  const split = new LineSplitter();
  for await (const chunk of chunksOf(path)) yield* split.push(chunk);
  yield* split.end();
}

const posInt = (v: string | undefined, name: string, dflt: number) => {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number`);
  return n;
};

const fmtTime = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`);

export const screenCommand: Command = {
  name: 'screen',
  summary: 'screen a register, plan messages for what changed',
  async run(io) {
    const { values } = parse(io.argv, {
      profiles: { type: 'string' },
      state: { type: 'string' },
      out: { type: 'string' },
      'window-days': { type: 'string' },
      signature: { type: 'string' },
      'part-cap': { type: 'string' },
      channels: { type: 'string', default: 'prefer-chat' },
      officers: { type: 'string' },
    });
    if (values.help) return io.stdout(HELP), 0;
    if (!values.profiles || !values.state) throw new UsageError('screen needs --profiles FILE.jsonl and --state STATE.json; see guiyan screen --help');
    if (values.channels !== 'prefer-chat' && values.channels !== 'both') throw new UsageError('--channels must be prefer-chat or both');
    const locale = localeOf(values.locale);
    const asOf = values['as-of'] ?? new Date(); // the one clock read, at the edge
    const matcher = await loadMatcher(values.rules);
    const previous = await readState(values.state);
    // Read before the register stream opens: lines arriving while nothing consumes them would be lost.
    const officers = values.officers ? parseOfficers(JSON.parse(await readFile(values.officers, 'utf8'))) : undefined;
    const total = (await stat(values.profiles)).size;

    // Deliveries go to a temp file renamed at the end, so a crash never leaves half a batch behind.
    const outTmp = values.out ? tempOf(values.out) : undefined;
    const out = outTmp ? createWriteStream(outTmp) : undefined;
    // Lines are gathered into large writes: one stream write per delivery costs more than the delivery.
    let pending = '';
    const flush = () => {
      if (out && pending) out.write(pending);
      pending = '';
    };
    const write = (line: string) => {
      if (!out) return io.stdout(line.slice(0, -1));
      pending += line;
      if (pending.length >= 1 << 15) flush();
    };

    let bytes = 0;
    let line = 0;
    const badJson: ScreenError[] = [];
    const errors: ScreenError[] = [];
    let errorCount = 0;
    let profileIndex = 0;
    const parseLine = (text: string): unknown => {
      line++;
      if (!text.trim()) return undefined;
      try {
        const value: unknown = JSON.parse(text);
        profileIndex++;
        return value;
      } catch {
        errorCount++;
        if (badJson.length < 20) badJson.push({ index: profileIndex, issues: [{ path: [], code: 'invalid_json', message: `line ${line} is not JSON` }] });
        return undefined;
      }
    };
    // One generator between the file and screen: each layer of async iteration costs a promise a profile.
    async function* profiles(): AsyncGenerator<unknown> {
      const split = new LineSplitter();
      const path = values.profiles!;
      for await (const chunk of chunksOf(path)) {
        bytes += chunk.length;
        for (const text of split.push(chunk)) {
          const value = parseLine(text);
          if (value === undefined) continue;
          if (out?.writableNeedDrain) await new Promise<void>((r) => out.once('drain', () => r()));
          yield value;
        }
      }
      for (const text of split.end()) {
        const value = parseLine(text);
        if (value !== undefined) yield value;
      }
    }

    const tty = !!process.stderr.isTTY;
    const started = performance.now();
    let lastDraw = started;
    const progress = (done: number) => {
      if (!tty) return;
      const now = performance.now();
      if (now - lastDraw < 200) return;
      lastDraw = now;
      const secs = (now - started) / 1000;
      const frac = total ? Math.min(1, bytes / total) : 0;
      const bar = '█'.repeat(Math.round(frac * 24)).padEnd(24, '░');
      const eta = frac > 0 ? fmtTime((secs / frac) * (1 - frac)) : '?';
      process.stderr.write(`\r${bar} ${(frac * 100).toFixed(0).padStart(3)}%  ${done} people  ${Math.round(done / Math.max(secs, 0.001))}/s  ETA ${eta}   `);
    };

    const kinds: Record<string, number> = {};
    const channels: Record<string, number> = {};
    const result = await screen(profiles(), {
      matcher,
      asOf,
      previous,
      locale,
      windowDays: posInt(values['window-days'], 'window-days', 14),
      sms: { ...(values.signature ? { signature: values.signature } : {}), partCap: Math.max(1, posInt(values['part-cap'], 'part-cap', 1)) },
      channels: values.channels,
      ...(officers ? { officers } : {}),
      onEvent: (e) => void (kinds[e.kind] = (kinds[e.kind] ?? 0) + 1),
      onDelivery: (d) => {
        channels[d.channel] = (channels[d.channel] ?? 0) + 1;
        write(`${JSON.stringify({ id: d.id, profileId: d.profileId, policyIds: d.policyIds, channel: d.channel, to: d.to, text: d.text, sendAt: d.sendAt, kinds: d.kinds })}\n`);
      },
      onError: (e) => {
        errorCount++;
        if (errors.length < 20) errors.push(e);
      },
      onProgress: progress,
    });
    if (tty) process.stderr.write('\r\x1b[K');

    if (out && outTmp && values.out) {
      flush();
      await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
      const fh = await open(outTmp, 'r+');
      await fh.sync().finally(() => fh.close());
      await rename(outTmp, values.out);
    }
    // A run that changed nothing would write the same file again: the one on disk stays.
    if (!previous || !sameState(previous, result.state)) await writeFileAtomic(values.state, stateChunks(result.state));

    const seconds = (performance.now() - started) / 1000;
    const summary = {
      profiles: result.counts.profiles + badJson.length,
      invalid: errorCount,
      events: kinds,
      deliveries: channels,
      seconds: Math.round(seconds * 10) / 10,
      errors: [...badJson, ...errors].slice(0, 20).map((e) => ({ ...e, profileId: e.profileId && maskText(e.profileId) })),
    };
    const report = values.json
      ? JSON.stringify(summary, null, 2)
      : [
          `screened ${summary.profiles} people in ${fmtTime(seconds)} (${summary.invalid} invalid)`,
          `events: ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
          `deliveries: ${Object.entries(channels).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
          ...summary.errors.slice(0, 5).map((e) => `  invalid #${e.index + 1}${e.profileId ? ` (${e.profileId})` : ''}: ${e.issues.map((i) => `${i.path.join('.') || '(profile)'} ${i.message.length > 60 ? `${i.message.slice(0, 60)}…` : i.message}`).join('; ')}`),
        ].join('\n');
    // With deliveries on standard output, the summary goes to standard error.
    (values.out ? io.stdout : io.stderr)(maskText(report));
    return 0;
  },
};
