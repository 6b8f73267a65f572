import { createHash } from 'node:crypto';
import { contentHash } from '../core/hash.js';
import { formatDay } from '../core/dates.js';
import { maskText } from '../core/mask.js';
import { engineOf } from '../matcher/create.js';
import { createOfficerAssigner } from '../officers/assign.js';
import { screen } from '../screen/screen.js';
import { emptyState } from '../screen/state.js';
import type { Delivery, ProfileEntry, ScreenError, ScreenOptions, ScreenState } from '../screen/types.js';
import type { RunLease, ScreenStore } from './types.js';

/**
 * One register line, not yet parsed. Screening into a store fingerprints it with the run's rules
 * and day: a person whose fingerprint the store already holds cannot have anything new, so the line
 * is neither parsed nor screened again (a repeat run reads the register and little else).
 */
export class RawLine {
  constructor(
    readonly line: number,
    readonly text: string,
  ) {}
}

export interface StoreRunOptions extends Omit<ScreenOptions, 'previous' | 'onDelivery'> {
  /** People per transaction (default 2000): what a crash can cost in repeated work, never in messages. */
  batchSize?: number;
  /** Called with each batch's deliveries once they are committed to the outbox. */
  onDeliveries?: (deliveries: readonly Delivery[]) => void;
}

export interface StoreRunResult {
  profiles: number;
  invalid: number;
  events: number;
  /** Deliveries this run added to the outbox. */
  planned: number;
  /** People skipped because their line and the run's rules and day were as at their last screening. */
  unchanged: number;
}

/**
 * A register line under the run's key (rules, day, window), in 96 bits: a native hash, three times
 * cheaper than hashing the line in JavaScript, which every run does for every line.
 */
const fingerprint = (runKey: string, text: string): string => createHash('sha1').update(runKey).update(text).digest('base64url').slice(0, 16);

const duplicate = (index: number, id: string): ScreenError => ({ index, profileId: maskText(id), issues: [{ path: ['id'], code: 'duplicate_id', message: 'this id appeared earlier in the register; the later row was skipped' }] });

/**
 * Screens a register against the store's records, a batch at a time: each batch's changed records
 * and its deliveries are committed in one transaction, so a crash leaves every person either fully
 * screened (their messages in the outbox) or untouched (screened again, to the same delivery ids).
 * Memory holds one batch, not the register. Rows may be profiles or `RawLine`s. The caller holds
 * the store's lease, and calls `finishRun` at the end.
 */
export async function screenIntoStore(store: ScreenStore, lease: RunLease, profiles: AsyncIterable<unknown> | Iterable<unknown>, opts: StoreRunOptions): Promise<StoreRunResult> {
  const size = Math.max(1, opts.batchSize ?? 2000);
  const rules = await store.previousRules();
  const core = engineOf(opts.matcher);
  // Everything besides the person that decides what a run tells: rule versions, the day, the window.
  const runKey = contentHash({ rules: core.ruleHashes(), day: formatDay(core.day(opts.asOf)), windowDays: opts.windowDays ?? 14 });
  const assign = opts.followUp?.assign ?? (opts.officers ? createOfficerAssigner(opts.officers, { load: await store.officerLoad() }).assign : undefined);
  const seen = new Set<string>();
  const result: StoreRunResult = { profiles: 0, invalid: 0, events: 0, planned: 0, unchanged: 0 };
  const fail = (e: ScreenError) => {
    result.invalid++;
    opts.onError?.(e);
  };
  let batch: unknown[] = [];

  const runBatch = async (rows: unknown[]) => {
    const base = result.profiles;
    result.profiles += rows.length;
    // Fingerprints of raw lines; those the store holds are skipped unparsed.
    const prints = rows.map((r) => (r instanceof RawLine ? fingerprint(runKey, r.text) : undefined));
    const known = await store.peopleByFingerprint(prints.filter((p): p is string => p !== undefined));
    const values: unknown[] = [];
    const index: number[] = [];
    const printOf = new Map<unknown, string>();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const fp = prints[i];
      const same = fp !== undefined ? known.get(fp) : undefined;
      if (same !== undefined) {
        if (seen.has(same)) fail(duplicate(base + i, same));
        else seen.add(same), result.unchanged++;
        continue;
      }
      let value = row;
      if (row instanceof RawLine) {
        try {
          value = JSON.parse(row.text);
        } catch {
          fail({ index: base + i, issues: [{ path: [], code: 'invalid_json', message: `line ${row.line} is not JSON` }] });
          continue;
        }
      }
      const id = (value as { id?: unknown } | null)?.id;
      // A person screened in an earlier batch of this run: a repeated register row, as screen reports it.
      if (typeof id === 'string' && seen.has(id)) {
        fail(duplicate(base + i, id));
        continue;
      }
      if (fp !== undefined && value !== null && typeof value === 'object') printOf.set(value, fp);
      values.push(value);
      index.push(base + i);
    }
    const ids = new Set<string>();
    const fpById = new Map<string, string>();
    for (const v of values) {
      const id = (v as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') continue;
      // The first row of an id speaks for it (screen skips the later ones).
      if (!ids.has(id) && printOf.has(v)) fpById.set(id, printOf.get(v)!);
      ids.add(id);
    }
    if (values.length === 0) return;
    const loaded = await store.loadPeople([...ids]);
    const previous: ScreenState = emptyState();
    Object.assign(previous.rules, rules);
    for (const [id, e] of loaded) previous.profiles[id] = e;
    const deliveries: Delivery[] = [];
    const r = await screen(values, {
      ...opts,
      previous,
      ...(assign ? { followUp: { ...opts.followUp, assign } } : {}),
      onDelivery: (d) => void deliveries.push(d),
      onError: (e) => fail({ ...e, index: index[e.index] ?? base + e.index }),
      onEvent: (e) => {
        result.events++;
        opts.onEvent?.(e);
      },
      onProgress: opts.onProgress ? (n) => opts.onProgress!(base + n) : undefined,
    } as ScreenOptions);
    const people: [string, ProfileEntry, string?][] = [];
    const touched: [string, string][] = [];
    for (const id of ids) {
      const next = r.state.profiles[id];
      if (next === undefined) continue;
      seen.add(id);
      const fp = fpById.get(id);
      if (next !== loaded.get(id)) people.push(fp === undefined ? [id, next] : [id, next, fp]);
      else if (fp !== undefined) touched.push([id, fp]);
    }
    if (people.length || touched.length || deliveries.length) await store.commitBatch(lease, { people, touched, known: new Set(loaded.keys()), deliveries });
    result.planned += deliveries.length;
    if (deliveries.length) opts.onDeliveries?.(deliveries);
  };

  for await (const raw of profiles) {
    batch.push(raw);
    if (batch.length >= size) {
      const rows = batch;
      batch = [];
      await runBatch(rows);
    }
  }
  if (batch.length) await runBatch(batch);
  return result;
}
