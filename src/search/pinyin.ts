import { pinyin } from 'pinyin-pro';
import type { PinyinReader } from './search.js';

const full = (s: string) => pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
const initials = (s: string) => pinyin(s, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();

/**
 * Pinyin over pinyin-pro's tables (the larger part of a search app's bundle), for search.
 * @example
 * const m = createMatcher(policies, { pinyin: pinyinReader });
 * m.search('daikuan'); // the loan policies
 */
export const pinyinReader: PinyinReader = { full, initials };
