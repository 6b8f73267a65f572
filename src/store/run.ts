import { createOfficerAssigner } from '../officers/assign.js';
import { screen } from '../screen/screen.js';
import { emptyState } from '../screen/state.js';
import type { Delivery, ProfileEntry, ScreenOptions, ScreenState } from '../screen/types.js';
import { maskText } from '../core/mask.js';
import type { RunLease, ScreenStore } from './types.js';

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
}

/**
 * Screens a register against the store's records, a batch at a time: each batch's changed records
 * and its deliveries are committed in one transaction, so a crash leaves every person either fully
 * screened (their messages in the outbox) or untouched (screened again, to the same delivery ids).
 * Memory holds one batch, not the register. The caller holds the store's lease.
 */
export async function screenIntoStore(store: ScreenStore, lease: RunLease, profiles: AsyncIterable<unknown> | Iterable<unknown>, opts: StoreRunOptions): Promise<StoreRunResult> {
  const size = Math.max(1, opts.batchSize ?? 2000);
  const rules = await store.previousRules();
  const assign = opts.followUp?.assign ?? (opts.officers ? createOfficerAssigner(opts.officers, { load: await store.officerLoad() }).assign : undefined);
  const seen = new Set<string>();
  const result: StoreRunResult = { profiles: 0, invalid: 0, events: 0, planned: 0 };
  let batch: unknown[] = [];

  const runBatch = async (rows: unknown[]) => {
    const base = result.profiles;
    const ids = new Set<string>();
    for (const raw of rows) {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') ids.add(id);
    }
    const loaded = await store.loadPeople([...ids]);
    // A person screened in an earlier batch of this run: a repeated register row, as screen reports it.
    const fresh: unknown[] = [];
    // Indices reported by screen count within `fresh`; `index` maps them back to the register.
    const index: number[] = [];
    const skipped: number[] = [];
    rows.forEach((raw, i) => {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && seen.has(id)) skipped.push(i);
      else fresh.push(raw), index.push(i);
    });
    for (const i of skipped) {
      result.invalid++;
      const id = (rows[i] as { id: string }).id;
      opts.onError?.({ index: base + i, profileId: maskText(id), issues: [{ path: ['id'], code: 'duplicate_id', message: 'this id appeared earlier in the register; the later row was skipped' }] });
    }
    const previous: ScreenState = emptyState();
    Object.assign(previous.rules, rules);
    for (const [id, e] of loaded) previous.profiles[id] = e;
    const deliveries: Delivery[] = [];
    const r = await screen(fresh, {
      ...opts,
      previous,
      ...(assign ? { followUp: { ...opts.followUp, assign } } : {}),
      onDelivery: (d) => void deliveries.push(d),
      onError: (e) => {
        result.invalid++;
        opts.onError?.({ ...e, index: base + (index[e.index] ?? e.index) });
      },
      onEvent: (e) => {
        result.events++;
        opts.onEvent?.(e);
      },
      onProgress: opts.onProgress ? (n) => opts.onProgress!(base + n) : undefined,
    } as ScreenOptions);
    const people: [string, ProfileEntry][] = [];
    for (const id of ids) {
      const next = r.state.profiles[id];
      if (next === undefined || seen.has(id)) continue;
      if (next !== loaded.get(id)) people.push([id, next]);
    }
    for (const id of ids) if (r.state.profiles[id] !== undefined) seen.add(id);
    result.profiles += rows.length;
    if (people.length || deliveries.length) await store.commitBatch(lease, { people, known: new Set(loaded.keys()), deliveries });
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
