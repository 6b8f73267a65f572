import { describe, expect, it } from 'vitest';
import { safeParseProfile } from '../../src/index.js';
import { safeParseProfileFast } from '../../src/engine/profile-check.js';

describe('profile region codes are checked against the national division table', () => {
  it.each([
    ['451402', true], // 江州区
    ['450000', true], // 广西
    ['451400', true], // 崇左市
    ['999999', false],
    ['451499', false],
    ['110000x', false],
  ])('%s is accepted: %s, by both the schema and the fast path', (code, ok) => {
    for (const field of ['regionCode', 'hukouRegionCode'] as const) {
      expect(safeParseProfile({ id: 'p', [field]: code }).success).toBe(ok);
      expect(safeParseProfileFast({ id: 'p', [field]: code }).success).toBe(ok);
    }
    expect(safeParseProfile({ id: 'p', business: { regionCode: code } }).success).toBe(ok);
  });
});
