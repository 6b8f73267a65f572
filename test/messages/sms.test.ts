import { describe, expect, it } from 'vitest';
import { isGsm7, smsLength, smsParts } from '../../src/messages/sms.js';

describe('smsLength and smsParts count as carriers do', () => {
  it.each([
    ['', 0, 0],
    ['a'.repeat(160), 160, 1],
    ['a'.repeat(161), 161, 2],
    ['a'.repeat(306), 306, 2],
    ['a'.repeat(307), 307, 3],
    ['{}', 4, 1],
    ['中'.repeat(70), 70, 1],
    ['中'.repeat(71), 71, 2],
    ['中'.repeat(134), 134, 2],
    ['中'.repeat(135), 135, 3],
    ['【归雁服务】ok', 8, 1],
    ['a'.repeat(69) + '😀', 71, 2],
  ])('%j has length %i and takes %i part(s)', (text, length, parts) => {
    expect(smsLength(text)).toBe(length);
    expect(smsParts(text)).toBe(parts);
  });

  it('treats a single Chinese character or bracket as forcing UCS-2', () => {
    expect(isGsm7('Reply T to opt out')).toBe(true);
    expect(isGsm7('Reply T 退订')).toBe(false);
    expect(isGsm7('【Guiyan】')).toBe(false);
  });
});
