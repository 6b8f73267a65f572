import { describe, expect, it } from 'vitest';
import { wordsFor } from '../../src/core/catalogue/index.js';
import { LOCALES } from '../../src/core/locale.js';

/** Every key path of a catalogue, functions and arrays as leaves. */
function paths(o: unknown, at = ''): string[] {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return [at];
  return Object.entries(o).flatMap(([k, v]) => paths(v, at ? `${at}.${k}` : k));
}

describe('the message catalogue', () => {
  it('has the same keys in every locale', () => {
    const [first, ...rest] = LOCALES.map((l) => paths(wordsFor(l)).sort());
    for (const other of rest) expect(other).toEqual(first);
  });

  it.each(LOCALES)('gives one distinct word per status in %s', (locale) => {
    const s = wordsFor(locale).status;
    expect(new Set([s.eligible, s.unknown, s.ineligible]).size).toBe(3);
  });

  it('calls an unknown status "to confirm" in English, as every channel shows it', () => {
    expect(wordsFor('en').status.unknown).toBe('to confirm');
    expect(wordsFor('zh-CN').status.unknown).toBe('待确认');
  });

  it('reads a locale it does not know as zh-CN', () => {
    expect(wordsFor('fr' as never)).toBe(wordsFor('zh-CN'));
    expect(wordsFor('constructor' as never)).toBe(wordsFor('zh-CN'));
  });

  it('writes money and lists in each locale', () => {
    expect(wordsFor('zh-CN').money.cny(200000)).toBe('20万元');
    expect(wordsFor('en').money.cny(200000)).toBe('CNY 200,000');
    expect(wordsFor('zh-CN').list.more('甲、乙、丙', 5, 2)).toBe('甲、乙、丙等5项');
    expect(wordsFor('en').list.more('a, b, c', 5, 2)).toBe('a, b, c and 2 more');
  });
});
