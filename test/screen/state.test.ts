import { describe, expect, it } from 'vitest';
import { screen } from '../../src/index.js';
import { stateChunks } from '../../src/cli/commands/screen.js';
import { checkState, sameState } from '../../src/screen/state.js';
import { matcherOf, smallRegister } from './helpers.js';

const AS_OF = '2026-06-01T10:00:00+08:00';
const people = smallRegister();
const stored = (state: Parameters<typeof stateChunks>[0]) => [...stateChunks(state)].join('');

describe('the stored state', () => {
  it('reads back equal to the state in memory, though it leaves out what can be derived', async () => {
    const { state } = await screen(people, { matcher: matcherOf(), asOf: AS_OF });
    const text = stored(state);
    expect(text.length).toBeLessThan(JSON.stringify(state).length / 2);
    expect(checkState(JSON.parse(text))).toEqual(JSON.parse(JSON.stringify(state)));
  });

  it('still reads a state written in full', async () => {
    const { state } = await screen(people, { matcher: matcherOf(), asOf: AS_OF });
    const full = JSON.parse(JSON.stringify(state)) as unknown;
    expect(checkState(JSON.parse(JSON.stringify(full)))).toEqual(full);
  });

  it('gives a second run nothing to tell, and nothing to store again', async () => {
    const matcher = matcherOf();
    const first = await screen(people, { matcher, asOf: AS_OF });
    const previous = checkState(JSON.parse(stored(first.state)));
    const second = await screen(people, { matcher, asOf: AS_OF, previous });
    expect(second.events).toEqual([]);
    expect(sameState(previous, second.state)).toBe(true);
    expect(stored(second.state)).toBe(stored(first.state));
  });

  it('shares records between people but never lets one person change another', async () => {
    const { state } = await screen(people, { matcher: matcherOf(), asOf: AS_OF });
    const records = Object.values(state.profiles).flatMap((p) => Object.values(p.policies));
    expect(new Set(records).size).toBeLessThan(records.length);
    const shared = records.filter((r) => records.indexOf(r) !== records.lastIndexOf(r));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every((r) => Object.isFrozen(r) && Object.isFrozen(r.notified))).toBe(true);
  });

  it('refuses a record that points at a shared entry the state lacks', () => {
    expect(() => checkState({ version: 1, rules: {}, shared: [], profiles: { p: { policies: { a: 0 } } } })).toThrow(/shared entry 0/);
  });
});
