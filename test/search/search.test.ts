import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/index.js';
import { loadFixtures } from '../helpers/rules.js';
import { catalogue, catalogueMatcher } from '../recommend/catalogue.js';

const m = catalogueMatcher();
const ids = (q: string) => m.search(q).map((h) => h.policyId).sort();

const LOANS = ['cn-guarantee-loan-enterprise', 'cn-guarantee-loan-individual', 'zt-return-loan', 'zt-xiangqing-loan'];
const GRANTS = ['jz-graduate-subsidy', 'jz-startup-subsidy', 'kz-industry-award'];

/** query → the policies a person asking it wants. */
const EXPECTED: [string, string[]][] = [
  ['贷款', LOANS],
  ['借钱', LOANS],
  ['融资', LOANS],
  ['补助', [...GRANTS, 'kz-land-transfer']], // 土地流转补助 is a 补助 by its title
  ['补贴', GRANTS],
  ['奖补', GRANTS],
  ['土地', ['kz-land-transfer']],
  ['流转', ['kz-land-transfer']],
  ['担保', ['cn-guarantee-loan-enterprise', 'cn-guarantee-loan-individual']],
  ['担报贷款', LOANS], // typo
  ['laon', LOANS], // typo
  ['subsid', GRANTS], // partial word
  ['tuidi', ['kz-land-transfer']], // typo in pinyin 土地
  ['daikuan', LOANS], // pinyin
  ['cydbdk', ['cn-guarantee-loan-individual']], // pinyin initials of 创业担保贷款
  ['xqd', ['zt-xiangqing-loan']], // 乡情贷
  ['guarantee', ['cn-guarantee-loan-enterprise', 'cn-guarantee-loan-individual']],
  ['tax relief', ['cn-tax-relief-key-groups']],
  ['培训', ['alxa-training']],
  ['孵化', ['ak-incubator']],
];

describe('search: the synonym list', () => {
  it.each(EXPECTED)('"%s" finds exactly the policies it should', (q, want) => {
    expect(ids(q)).toEqual([...want].sort());
  });

  it('measures precision and recall over the list', () => {
    let precision = 0;
    let recall = 0;
    for (const [q, want] of EXPECTED) {
      const got = ids(q);
      const right = got.filter((id) => want.includes(id)).length;
      precision += got.length ? right / got.length : 0;
      recall += right / want.length;
    }
    precision /= EXPECTED.length;
    recall /= EXPECTED.length;
    console.log(`search over ${EXPECTED.length} synonym queries: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('"贷款" finds 创业担保贷款 and 乡情贷 by title first', () => {
    const hits = m.search('贷款', { limit: 3 });
    expect(hits).toHaveLength(3);
    expect(hits.map((h) => h.policyId)).toEqual(['cn-guarantee-loan-enterprise', 'cn-guarantee-loan-individual', 'zt-xiangqing-loan']);
    expect(hits.every((h) => h.score > 0.9 && h.status === undefined)).toBe(true);
  });

  it('finds nothing for nonsense and for an empty query', () => {
    expect(m.search('qqqqzzz')).toEqual([]);
    expect(m.search('   ')).toEqual([]);
  });
});

describe('search without the pinyin tables', () => {
  const plain = createMatcher(catalogue());
  const plainIds = (q: string) => plain.search(q).map((h) => h.policyId).sort();

  it.each(EXPECTED.filter(([q]) => !['tuidi', 'daikuan', 'cydbdk', 'xqd'].includes(q)))('"%s" finds the same policies as with them', (q, want) => {
    expect(plainIds(q)).toEqual([...want].sort());
  });

  it.each(['daikuan', 'cydbdk'])('"%s" (pinyin) needs them', (q) => {
    expect(plainIds(q)).toEqual([]);
    expect(ids(q).length).toBeGreaterThan(0);
  });
});

describe('search with a profile', () => {
  const yin = loadFixtures().find((f) => f.profile.id === 'seed-yin-zebao')!;

  it('hits carry the status and ineligible ones sink below the rest', () => {
    const hits = m.search('贷款', { profile: yin.profile, asOf: yin.asOf });
    expect(hits.map((h) => [h.policyId, h.status])).toEqual([
      ['cn-guarantee-loan-enterprise', 'eligible'],
      ['cn-guarantee-loan-individual', 'eligible'],
      ['zt-xiangqing-loan', 'ineligible'],
      ['zt-return-loan', 'ineligible'],
    ]);
  });

  it('the same query gives the same hits', () => {
    expect(m.search('补助', { profile: yin.profile, asOf: yin.asOf })).toEqual(m.search('补助', { profile: yin.profile, asOf: yin.asOf }));
  });
});
