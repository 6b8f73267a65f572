import { afterAll, describe, expect, it } from 'vitest';
import { dispatch, funnel, InMemoryChatSender, InMemorySmsGateway, recordOutcome, screen, type Delivery } from '../../src/index.js';
import { openStore, StoreBusyError, MissingDriverError, type ScreenStore } from '../../src/node/index.js';
import { loadDriver } from '../../src/store/db.js';
import { screenIntoStore } from '../../src/store/run.js';
import { engineOf } from '../../src/matcher/create.js';
import { matcherOf, smallRegister } from '../screen/helpers.js';
import { dropTarget, freshTarget, postgresReachable } from './targets.js';

const people = smallRegister();
const matcher = matcherOf();
const AS_OF = '2026-06-01T10:00:00+08:00';
const pgUp = await postgresReachable();
const opened: string[] = [];

async function fresh(kind: 'sqlite' | 'postgres'): Promise<ScreenStore> {
  const target = freshTarget(kind);
  opened.push(target);
  return openStore(target);
}

async function run(store: ScreenStore, asOf = AS_OF, batchSize = 7) {
  const lease = await store.acquire();
  try {
    const planned: Delivery[] = [];
    const r = await screenIntoStore(store, lease, people, { matcher, asOf, batchSize, channels: 'both', onDeliveries: (d) => void planned.push(...d) });
    await store.finishRun(lease, { rules: engineOf(matcher).ruleHashes(), asOf });
    return { ...r, planned };
  } finally {
    await lease.release();
  }
}

afterAll(async () => {
  for (const t of opened) await dropTarget(t);
});

describe.each([['sqlite' as const], ['postgres' as const]])('the %s store', (kind) => {
  const skip = kind === 'postgres' && !pgUp;

  it.skipIf(skip)('plans, batch by batch, exactly what screening in memory plans, and a second run nothing', async () => {
    const store = await fresh(kind);
    try {
      const mem = await screen(people, { matcher, asOf: AS_OF, channels: 'both' });
      const first = await run(store);
      expect(first.planned).toEqual(mem.deliveries);
      expect(first.invalid).toBe(mem.errors.length);
      const outbox: Delivery[] = [];
      for await (const d of store.untold()) outbox.push(d);
      expect(outbox).toEqual(mem.deliveries);
      const second = await run(store);
      expect(second.planned).toEqual([]);
      expect(second.events).toBe(0);
      // The records read back are the state screening in memory keeps.
      const ids = Object.keys(mem.state.profiles);
      const loaded = await store.loadPeople(ids);
      expect(Object.fromEntries(loaded)).toEqual(JSON.parse(JSON.stringify(mem.state.profiles)));
      // A week later only what changed.
      const later = await run(store, '2026-06-08T10:00:00+08:00');
      const memLater = await screen(people, { matcher, asOf: '2026-06-08T10:00:00+08:00', channels: 'both', previous: mem.state });
      expect(later.planned).toEqual(memLater.deliveries);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('marks deliveries told only up to the last one written, and forgets their recipients', async () => {
    const store = await fresh(kind);
    try {
      const { planned } = await run(store);
      expect(planned.length).toBeGreaterThan(3);
      expect(await store.markTold(planned[2]!.id, '2026-06-01T10:05:00+08:00')).toBe(3);
      const left: Delivery[] = [];
      for await (const d of store.untold()) left.push(d);
      expect(left.map((d) => d.id)).toEqual(planned.slice(3).map((d) => d.id));
      expect((await store.counts()).untold).toBe(planned.length - 3);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('records outcomes and ratings into the same funnel the JSON state gives, scoring nobody from fewer than 5 ratings', async () => {
    const store = await fresh(kind);
    try {
      await run(store);
      let state = (await screen(people, { matcher, asOf: AS_OF, channels: 'both' })).state;
      const pushed = Object.entries(state.profiles).flatMap(([id, e]) => Object.entries(e.policies).filter(([, p]) => p.pushedAt).map(([policyId]) => ({ id, policyId })));
      expect(pushed.length).toBeGreaterThan(8);
      const outcomes = ['applied', 'granted', 'rejected', 'no-response', 'not-interested'] as const;
      for (const [i, { id, policyId }] of pushed.slice(0, 8).entries()) {
        const outcome = outcomes[i % outcomes.length]!;
        const amount = outcome === 'granted' ? 100000 + i : undefined;
        const at = '2026-06-20';
        state = recordOutcome(state, { profileId: id, policyId, outcome, ...(amount ? { amount } : {}), at });
        await store.recordOutcome({ profileId: id, policyId, outcome, ...(amount ? { amount } : {}), at, rating: 1 + (i % 5), department: i < 6 ? '开州区人社局' : '巫溪县人社局', officerId: 'o1' });
      }
      for (const by of ['policy', 'region'] as const) expect(await store.funnel(by)).toEqual(funnel(state, { by }));
      expect(await store.scores('department')).toEqual([
        { key: '开州区人社局', ratings: 6, score: 2.67 },
        { key: '巫溪县人社局', ratings: 2, score: null },
      ]);
      await expect(store.recordOutcome({ profileId: 'nobody', policyId: 'x', outcome: 'applied', at: '2026-06-20' })).rejects.toThrow(/no screening record/);
      await expect(store.recordOutcome({ ...pushed[0]!, profileId: pushed[0]!.id, outcome: 'applied', at: '2026-06-20', rating: 6 })).rejects.toThrow(/1 to 5/);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('dispatches through a gateway once per id, however often it is asked to', async () => {
    const store = await fresh(kind);
    try {
      const { planned } = await run(store);
      const sms = new InMemorySmsGateway();
      const chat = new InMemoryChatSender();
      const ledger = store.ledger();
      // A crash after a few were sent: the next dispatch covers them all again.
      const first = await dispatch(planned.slice(0, 5), { sms, chat }, { ledger });
      expect(first).toMatchObject({ sent: 5, skipped: 0 });
      const second = await dispatch(store.untold(), { sms, chat }, { ledger });
      expect(second).toMatchObject({ sent: planned.length - 5, skipped: 0 });
      const third = await dispatch(planned, { sms, chat }, { ledger });
      expect(third).toMatchObject({ sent: 0, skipped: planned.length });
      const ids = [...sms.sent, ...chat.sent].map((m) => m.id);
      expect(ids.sort()).toEqual(planned.map((d) => d.id).sort());
      expect((await store.counts()).untold).toBe(0);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('lets one run at a time hold it, and says who holds it', async () => {
    const target = freshTarget(kind);
    opened.push(target);
    const a = await openStore(target);
    const b = await openStore(target);
    try {
      const lease = await a.acquire();
      await expect(b.acquire()).rejects.toThrow(StoreBusyError);
      await expect(b.acquire()).rejects.toThrow(/busy.*process \d+/);
      await lease.release();
      await (await b.acquire()).release();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it.skipIf(skip)('moves a JSON state in, after which a rerun plans nothing', async () => {
    const store = await fresh(kind);
    try {
      const mem = await screen(people, { matcher, asOf: AS_OF, channels: 'both' });
      const lease = await store.acquire();
      const r = await store.importState(lease, mem.state);
      await lease.release();
      expect(r.people).toBe(Object.keys(mem.state.profiles).length);
      expect((await run(store)).planned).toEqual([]);
      const again = await store.acquire();
      await expect(store.importState(again, mem.state)).rejects.toThrow(/already holds/);
      await again.release();
    } finally {
      await store.close();
    }
  });
});

describe('a missing driver', () => {
  it('says which package to install', async () => {
    const err = await loadDriver(() => import('guiyan-no-such-driver' as string), 'better-sqlite3@12', 'a SQLite store').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingDriverError);
    expect((err as Error).message).toBe('a SQLite store needs the better-sqlite3 package, which is not installed: npm install better-sqlite3@12');
  });
});
