import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DATE_SENSITIVE } from '../vitest.config.js';
import { ROOT } from './helpers/rules.js';

declare module 'vitest' {
  export interface ProvidedContext {
    zone: string;
  }
}

// Hours east of UTC on 2026-01-15 (neither zone keeps summer time).
const OFFSETS: Record<string, number> = { UTC: 0, 'Asia/Shanghai': 8 };

describe('the suite runs in the time zone it names', () => {
  it('the host zone is the one the project sets', () => {
    const tz = process.env.TZ ?? '';
    expect(tz).toBe(inject('zone'));
    expect(Object.keys(OFFSETS)).toContain(tz);
    expect(new Date('2026-01-15T00:00:00Z').getTimezoneOffset() / -60 + 0).toBe(OFFSETS[tz]);
    expect(new Date('2026-01-15T20:00:00Z').getDate()).toBe(tz === 'UTC' ? 15 : 16);
  });

  it.each(DATE_SENSITIVE.filter((p) => !p.includes('*')))('%s exists', (file) => {
    expect(existsSync(join(ROOT, file))).toBe(true);
  });
});
