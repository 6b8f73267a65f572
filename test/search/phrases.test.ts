import { describe, expect, it } from 'vitest';
import { phrasesOf } from '../../src/search/search.js';
import { rulesMatcher } from '../helpers/rules.js';

const m = rulesMatcher();
const top = (q: string) => m.search(q, { limit: 3 })[0]?.policyId;

describe('phrasesOf', () => {
  it.each([
    ['有没有种茶的补贴', ['种茶', '补贴']],
    ['我想申请土地流转补贴', ['土地流转补贴']],
    ['I want a tea subsidy', ['tea', 'subsidy']],
    ['贷款', ['贷款']],
    ['请问有什么政策吗？', []],
  ])('splits %j into %j', (q, phrases) => {
    expect(phrasesOf(q)).toEqual(phrases);
  });
});

describe('search over sentences people type', () => {
  it.each([
    ['有没有种茶的补贴', 'jz-tea-processing-subsidy'],
    ['种茶的补贴', 'jz-tea-processing-subsidy'],
    ['tea subsidy', 'jz-tea-processing-subsidy'],
    ['land transfer subsidy', 'alxa-land-transfer-subsidy'],
  ])('%j puts %s first', (q, id) => {
    expect(top(q)).toBe(id);
  });

  it.each(['x', 'a', 'zz', '', '   '])('%j is too short to reach anything', (q) => {
    expect(m.search(q)).toEqual([]);
  });
});
