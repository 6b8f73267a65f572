import { cliWordsFor } from '../../core/catalogue/cli.js';
import { stat } from 'node:fs/promises';
import { maskText } from '../../core/mask.js';
import { screen } from '../../screen/screen.js';
import { sameState } from '../../screen/state.js';
import type { Delivery, ScreenError, ScreenOptions } from '../../screen/types.js';
import { openStore } from '../../store/open.js';
import { isPostgresUrl } from '../../store/open.js';
import { crashPoint } from '../../store/store.js';
import { screenIntoStore } from '../../store/run.js';
import { helpOf, localeOf, parse, UsageError, type Command, type CommandIO } from '../args.js';
import { formatBadRow, loadMatcher, readOfficers } from '../io.js';
import { wordsFor } from '../../core/catalogue/index.js';
import type { Locale } from '../../core/locale.js';
import { engineOf } from '../../matcher/create.js';
import { checkOutPath, removeStaleTemps, writeFileAtomic } from '../out.js';
import { readRegister, type RegisterReader } from '../register.js';
import { readStateFile, stateChunks } from '../state-file.js';

export { stateChunks } from '../state-file.js';
export { writeFileAtomic } from '../out.js';
export { jsonLines } from '../lines.js';


const posInt = (v: string | undefined, name: string, dflt: number) => {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError((u) => u.wholeNumber(`--${name}`, 0));
  return n;
};

const fmtTime = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`);

const deliveryLine = (d: Delivery) => `${JSON.stringify({ id: d.id, profileId: d.profileId, policyIds: d.policyIds, channel: d.channel, to: d.to, text: d.text, sendAt: d.sendAt, kinds: d.kinds })}\n`;

/** A progress bar on standard error when it is a terminal. */
function progressBar(reader: RegisterReader, total: number) {
  const tty = !!process.stderr.isTTY;
  const started = performance.now();
  let lastDraw = started;
  return {
    started,
    tick(done: number) {
      if (!tty) return;
      const now = performance.now();
      if (now - lastDraw < 200) return;
      lastDraw = now;
      const secs = (now - started) / 1000;
      const frac = total ? Math.min(1, reader.bytes() / total) : 0;
      const bar = '█'.repeat(Math.round(frac * 24)).padEnd(24, '░');
      const eta = frac > 0 ? fmtTime((secs / frac) * (1 - frac)) : '?';
      process.stderr.write(`\r${bar} ${(frac * 100).toFixed(0).padStart(3)}%  ${done} people  ${Math.round(done / Math.max(secs, 0.001))}/s  ETA ${eta}   `);
    },
    clear() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

interface Tally {
  profiles: number;
  invalid: number;
  kinds: Record<string, number>;
  channels: Record<string, number>;
  errors: ScreenError[];
  extra?: Record<string, number>;
  lines?: string[];
}

function summarize(io: CommandIO, json: boolean, t: Tally, seconds: number, toStdout: boolean, locale: Locale): void {
  const w = wordsFor(locale).run;
  const list = (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ');
  const summary = {
    profiles: t.profiles,
    invalid: t.invalid,
    events: t.kinds,
    deliveries: t.channels,
    ...t.extra,
    seconds: Math.round(seconds * 10) / 10,
    errors: t.errors.slice(0, 20).map((e) => ({ ...e, profileId: e.profileId && maskText(e.profileId) })),
  };
  const text = json
    ? JSON.stringify(summary, null, 2)
    : [
        w.screened(summary.profiles, fmtTime(seconds), summary.invalid),
        w.events(list(t.kinds)),
        w.deliveries(list(t.channels)),
        ...(t.lines ?? []),
      ].join('\n');
  (toStdout ? io.stdout : io.stderr)(maskText(text));
}

export const screenCommand: Command = {
  name: 'screen',
  async run(io) {
    const { values } = parse(io.argv, {
      profiles: { type: 'string' },
      store: { type: 'string' },
      state: { type: 'string' },
      out: { type: 'string' },
      wait: { type: 'string' },
      batch: { type: 'string' },
      'window-days': { type: 'string' },
      signature: { type: 'string' },
      'part-cap': { type: 'string' },
      channels: { type: 'string', default: 'prefer-chat' },
      officers: { type: 'string' },
    });
    if (values.help) return io.stdout(helpOf('screen', values.locale)), 0;
    if (values.store && values.state) throw new UsageError((u) => u.notBoth('--store', '--state'));
    if (!values.profiles || (!values.store && !values.state)) throw new UsageError((u) => u.withHelp(u.needs('--profiles FILE.jsonl, --store PATH|postgres://URL'), 'screen'));
    if (values.channels !== 'prefer-chat' && values.channels !== 'both') throw new UsageError((u) => u.oneOf('--channels', 'prefer-chat, both'));
    const locale = localeOf(values.locale);
    const asOf = values['as-of'] ?? new Date(); // the one clock read, at the edge
    const waitSeconds = posInt(values.wait, 'wait', 0);
    const batchSize = Math.max(1, posInt(values.batch, 'batch', 2000));
    if (values.out) {
      const storeFile = values.store && !isPostgresUrl(values.store) ? values.store : undefined;
      await checkOutPath(values.out, [values.profiles, values.officers, values.state, storeFile, storeFile && `${storeFile}-wal`]);
      await removeStaleTemps(values.out);
    }
    const matcher = await loadMatcher(values.rules);
    // Read before the register stream opens: lines arriving while nothing consumes them would be lost.
    const officers = values.officers ? await readOfficers(values.officers) : undefined;
    const total = (await stat(values.profiles)).size;
    const tally: Tally = { profiles: 0, invalid: 0, kinds: {}, channels: {}, errors: [] };
    // Each row that is not a profile goes to standard error as it is met, by file and line; the rest go on.
    const badRow = (line: number, issues: ScreenError['issues'], id?: string) => io.stderr(formatBadRow({ source: `${values.profiles}:${line}`, ...(id ? { id } : {}), issues }, locale));
    const readerOpts = { onBad: (line: number, issue: ScreenError['issues'][number]) => badRow(line, [issue]) };
    let reader: RegisterReader | undefined;
    const options: Omit<ScreenOptions, 'previous'> = {
      matcher,
      asOf,
      locale,
      windowDays: posInt(values['window-days'], 'window-days', 14),
      sms: { ...(values.signature ? { signature: values.signature } : {}), partCap: Math.max(1, posInt(values['part-cap'], 'part-cap', 1)) },
      channels: values.channels,
      ...(officers ? { officers } : {}),
      onEvent: (e) => void (tally.kinds[e.kind] = (tally.kinds[e.kind] ?? 0) + 1),
      onError: (e) => {
        tally.invalid++;
        if (tally.errors.length < 20) tally.errors.push(e);
        badRow(reader!.lineOf(e.index), e.issues, e.profileId);
      },
    };

    if (values.state) {
      io.stderr(cliWordsFor(locale).usage.failed('screen', cliWordsFor(locale).usage.stateDeprecated));
      reader = readRegister(values.profiles, readerOpts);
      return screenFile(io, reader, values.state, values.out, total, options, tally, !!values.json, locale);
    }

    reader = readRegister(values.profiles, { ...readerOpts, raw: true });
    const bar = progressBar(reader, total);
    const store = await openStore(values.store!);
    let waiting = 0;
    let written = 0;
    let unchanged = 0;
    try {
      const lease = await store.acquire({ waitMs: waitSeconds * 1000 });
      try {
        const r = await screenIntoStore(store, lease, reader.profiles, {
          ...options,
          batchSize,
          onProgress: (n) => bar.tick(n),
          onDeliveries: (list) => {
            for (const d of list) tally.channels[d.channel] = (tally.channels[d.channel] ?? 0) + 1;
          },
        });
        bar.clear();
        await store.finishRun(lease, { rules: engineOf(matcher).ruleHashes(), asOf: typeof asOf === 'string' ? asOf : asOf.toISOString() });
        crashPoint('finished');
        tally.profiles = r.profiles + reader.badCount();
        unchanged = r.unchanged;
        tally.invalid += reader.badCount();
        if (values.out) written = await handOver(store, values.out);
        else {
          // Shown, not handed over: these stay in the outbox for a run with --out.
          for await (const d of store.untold()) io.stdout(deliveryLine(d).slice(0, -1)), waiting++;
        }
      } finally {
        await lease.release();
      }
    } finally {
      await store.close();
    }
    tally.errors = [...reader.bad, ...tally.errors];
    tally.extra = { unchanged, ...(values.out ? { written } : { waiting }) };
    const w = wordsFor(locale).run;
    tally.lines = [...(unchanged ? [w.unchanged(unchanged)] : []), values.out ? w.written(values.out, written) : w.waiting(waiting)];
    summarize(io, !!values.json, tally, (performance.now() - bar.started) / 1000, !!values.out, locale);
    return tally.invalid > 0 ? 1 : 0;
  },
};

/**
 * Writes every untold delivery of the outbox to `out` (temp file, fsync, rename) and then marks them
 * told. A crash before the rename leaves them untold (the next run writes them again, same ids); a
 * crash after it and before the mark makes the next run write them once more, under the same ids.
 * With nothing to hand over, an existing file is left as it is.
 */
async function handOver(store: Awaited<ReturnType<typeof openStore>>, out: string): Promise<number> {
  let last: string | undefined;
  let n = 0;
  // Nothing new: an existing file (perhaps not yet picked up) is left as it is, never emptied.
  const peek = store.untold()[Symbol.asyncIterator]();
  const none = (await peek.next()).done;
  await peek.return?.(undefined);
  if (none && (await stat(out).catch(() => undefined))) return 0;
  async function* lines() {
    for await (const d of store.untold()) {
      last = d.id;
      n++;
      yield deliveryLine(d);
    }
  }
  await writeFileAtomic(out, lines(), { beforeRename: () => crashPoint('out-written') });
  crashPoint('out-renamed');
  if (last !== undefined) await store.markTold(last, new Date().toISOString());
  crashPoint('told');
  return n;
}

/** The deprecated JSON state file: the whole state in memory, replaced atomically after the deliveries. */
async function screenFile(io: CommandIO, reader: RegisterReader, statePath: string, out: string | undefined, total: number, options: Omit<ScreenOptions, 'previous'>, tally: Tally, json: boolean, locale: Locale): Promise<number> {
  const previous = await readStateFile(statePath);
  const deliveries: string[] = [];
  const bar = progressBar(reader, total);
  const result = await screen(reader.profiles, {
    ...options,
    ...(previous ? { previous } : {}),
    onProgress: (n) => bar.tick(n),
    onDelivery: (d) => {
      tally.channels[d.channel] = (tally.channels[d.channel] ?? 0) + 1;
      if (out) deliveries.push(deliveryLine(d));
      else io.stdout(deliveryLine(d).slice(0, -1));
    },
  });
  bar.clear();
  tally.profiles = result.counts.profiles + reader.badCount();
  tally.invalid += reader.badCount();
  tally.errors = [...reader.bad, ...tally.errors];
  if (out) {
    await writeFileAtomic(out, deliveries);
    // A run that changed nothing would write the same file again: the one on disk stays.
    if (!previous || !sameState(previous, result.state)) await writeFileAtomic(statePath, stateChunks(result.state));
  } else tally.lines = ['without --out nothing was recorded as told; the state file was left as it was'];
  summarize(io, json, tally, (performance.now() - bar.started) / 1000, !!out, locale);
  return tally.invalid > 0 ? 1 : 0;
}
