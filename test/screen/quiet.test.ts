import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuietHours } from '../../src/index.js';
import { deferQuiet, isQuiet } from '../../src/screen/quiet.js';
import { isoInZone, runInstant } from '../../src/screen/quiet.js';

const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }).map((t) => new Date(t));

describe('quiet hours', () => {
  it.each([
    ['2026-06-01T20:59:59+08:00', false],
    ['2026-06-01T21:00:00+08:00', true],
    ['2026-06-02T03:00:00+08:00', true],
    ['2026-06-02T07:59:59+08:00', true],
    ['2026-06-02T08:00:00+08:00', false],
    ['2026-06-01T13:30:00Z', true],
  ])('%s is quiet: %s (21:00–08:00 Asia/Shanghai)', (at, quiet) => {
    expect(isQuiet(new Date(at))).toBe(quiet);
  });

  it('defers to the first minute outside any window, never earlier and never more than a day', () => {
    fc.assert(
      fc.property(instant, hhmm, hhmm, (at, start, end) => {
        fc.pre(start !== end);
        const q: QuietHours = { start, end };
        const out = deferQuiet(at, q);
        expect(isQuiet(out, q)).toBe(false);
        expect(out.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(out.getTime() - at.getTime()).toBeLessThan(86_400_000);
        if (!isQuiet(at, q)) expect(out).toBe(at);
        else expect(isQuiet(new Date(out.getTime() - 60_000), q)).toBe(true);
      }),
    );
  });

  it('reads a civil date as its midnight in Asia/Shanghai and writes +08:00', () => {
    expect(isoInZone(runInstant('2026-06-01'))).toBe('2026-06-01T00:00:00+08:00');
    expect(isoInZone(deferQuiet(runInstant('2026-06-01')))).toBe('2026-06-01T08:00:00+08:00');
  });

  it.each([
    ['2026-06-01T00:00:00Z', 'Asia/Shanghai', '2026-06-01T08:00:00+08:00'],
    ['2026-06-01T00:00:00Z', 'UTC', '2026-06-01T00:00:00Z'],
    ['2026-01-15T12:34:56Z', 'America/St_Johns', '2026-01-15T09:04:56-03:30'],
    ['2026-07-15T12:34:56Z', 'America/St_Johns', '2026-07-15T10:04:56-02:30'],
    ['2026-03-01T00:00:00Z', 'Asia/Kathmandu', '2026-03-01T05:45:00+05:45'],
    ['1999-12-31T16:00:00Z', 'Asia/Shanghai', '2000-01-01T00:00:00+08:00'],
  ])('writes %s on the wall clock of %s as %s', (instant, zone, iso) => {
    expect(isoInZone(new Date(instant), zone)).toBe(iso);
  });
});
