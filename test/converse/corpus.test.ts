import { describe, expect, it } from 'vitest';
import { smsParts } from '../../src/messages/sms.js';
import { loadCorpus, playConversation } from './corpus.js';

const corpus = loadCorpus();

describe('the scripted conversation corpus', () => {
  it('has at least 30 conversations covering both channels and both locales', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    for (const channel of ['sms', 'chat']) for (const locale of ['zh-CN', 'en']) expect(corpus.some((c) => c.channel === channel && c.locale === locale)).toBe(true);
  });

  describe.each(corpus.map((c) => [`${c.file}: ${c.name} (${c.channel}, ${c.locale})`, c] as const))('%s', (_, c) => {
    const turns = playConversation(c);
    it.each(c.turns.map((t, i) => [i + 1, t.in, t, turns[i]!] as const))('turn %i "%s" gets the expected reply', (_n, _in, t, turn) => {
      const { reply, state } = turn;
      if (t.silent) expect(reply).toBeNull();
      else expect(reply).toEqual(expect.any(String));
      for (const s of t.contains ?? []) expect(reply).toContain(String(s));
      for (const s of t.notContains ?? []) expect(reply).not.toContain(String(s));
      for (const re of t.matches ?? []) expect(reply).toMatch(new RegExp(re, 'u'));
      for (const re of t.notMatches ?? []) expect(reply ?? '').not.toMatch(new RegExp(re, 'u'));
      if (reply !== null && c.channel === 'sms') expect(smsParts(reply)).toBeLessThanOrEqual(t.maxParts ?? c.partCap ?? 1);
      if (t.state) expect(state).toMatchObject(t.state);
      for (const [k, v] of Object.entries(t.stateEquals ?? {})) expect(state[k as keyof typeof state]).toEqual(v);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    });
  });
});
