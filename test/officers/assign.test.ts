import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignOfficer, assignOfficers, createOfficerAssigner, parseOfficers, ProfileValidationError, type Officer } from '../../src/index.js';
import { loadFixtures, ROOT } from '../helpers/rules.js';

const officers = parseOfficers(JSON.parse(readFileSync(join(ROOT, 'fixtures', 'officers.json'), 'utf8')));
const seed = Object.fromEntries(loadFixtures().map((f) => [f.profile.id, f.profile]));
const person = (id: string) => seed[`seed-${id}`]!;

describe('assignOfficer', () => {
  it.each([
    ['huang-lixing', 'jz-lan-xiaomei'],
    ['zhou-xueting', 'jz-nong-jianhua'],
    ['yin-zebao', 'kz-ran-xiaoqin'],
    ['liu-xintang', 'alx-bateer'],
    ['zhou-yibao', 'ak-liu-jing'],
  ])('gives %s, with nobody loaded yet, to %s: the county officer for their industry', (who, officerId) => {
    expect(assignOfficer(person(who), officers)?.officerId).toBe(officerId);
  });

  it.each([
    ['the less loaded of two aquaculture officers', { 'kz-ran-xiaoqin': 5, 'kz-tan-mingyu': 2 }, 'kz-tan-mingyu'],
    ['the other one when loads are equal, by id', { 'kz-ran-xiaoqin': 3, 'kz-tan-mingyu': 3 }, 'kz-ran-xiaoqin'],
    ['the county generalist when both specialists are full', { 'kz-ran-xiaoqin': 30, 'kz-tan-mingyu': 30 }, 'kz-xiang-dong'],
    ['the municipal officer when every county officer is full', { 'kz-ran-xiaoqin': 30, 'kz-tan-mingyu': 30, 'kz-xiang-dong': 50 }, 'cq-li-hong'],
    ['the least loaded when everyone is full', { 'kz-ran-xiaoqin': 31, 'kz-tan-mingyu': 30, 'kz-xiang-dong': 50, 'cq-li-hong': 80 }, 'kz-tan-mingyu'],
  ])('sends 尹泽宝 to %s', (_what, load, officerId) => {
    expect(assignOfficer(person('yin-zebao'), officers, { load })?.officerId).toBe(officerId);
  });

  it('passes over specialists of other industries to a generalist', () => {
    expect(assignOfficer({ id: 'x', regionCode: '451402', business: { industry: ['logistics'] } }, officers)?.officerId).toBe('jz-lu-wenjing');
  });

  it('prefers an officer who speaks the profile\u2019s language among equals', () => {
    const pair: Officer[] = [
      { id: 'a-officer', name: '甲', regions: ['610902'] },
      { id: 'b-officer', name: '乙', regions: ['610902'], languages: ['en'] },
    ];
    expect(assignOfficer({ id: 'x', regionCode: '610902', contact: { locale: 'en' } }, pair)?.officerId).toBe('b-officer');
    expect(assignOfficer({ id: 'x', regionCode: '610902' }, pair)?.officerId).toBe('a-officer');
  });

  it('returns null when no officer covers the place or the place is unknown', () => {
    expect(assignOfficer({ id: 'x', regionCode: '110101' }, officers)).toBeNull();
    expect(assignOfficer({ id: 'x' }, officers)).toBeNull();
  });

  it('says why, in zh-CN and en', () => {
    expect(assignOfficer(person('huang-lixing'), officers, { load: { 'jz-lan-xiaomei': 2 } })?.reason).toBe(
      '蓝晓梅负责江州区的蔬菜、设施农业，覆盖创业所在地江州区；当前在办2/40件，在同等条件的1名专员中最少',
    );
    expect(assignOfficer(person('yin-zebao'), officers, { locale: 'en' })?.reason).toBe(
      '冉小琴 covers Kaizhou District and aquaculture, where the profile is (Kaizhou District); load 0/30, the lowest of 2 equally placed officers',
    );
  });

  it('rejects an invalid profile', () => {
    expect(() => assignOfficer({ id: 'x', regionCode: 'Kaizhou' }, officers)).toThrow(ProfileValidationError);
  });
});

describe('assignOfficers', () => {
  it('spreads a run over the two aquaculture officers of 开州区 and reports the final load', () => {
    const fish = Array.from({ length: 5 }, (_, i) => ({ ...person('yin-zebao'), id: `fish-${i}` }));
    const { assignments, load } = assignOfficers(fish, officers, { load: { 'kz-tan-mingyu': 1 } });
    expect(assignments.map((a) => a.officerId)).toEqual(['kz-ran-xiaoqin', 'kz-ran-xiaoqin', 'kz-tan-mingyu', 'kz-ran-xiaoqin', 'kz-tan-mingyu']);
    expect(load).toEqual({ 'kz-tan-mingyu': 3, 'kz-ran-xiaoqin': 3 });
  });

  it('records a null officer for a profile nobody covers', () => {
    expect(assignOfficers([{ id: 'far', regionCode: '110101' }], officers).assignments).toEqual([{ profileId: 'far', officerId: null, reason: null }]);
  });

  it('serves as the follow-up hook `assign(profile) => officerId | null`', () => {
    const { assign, load } = createOfficerAssigner(officers);
    expect([assign(person('huang-lixing')), assign(person('huang-lixing')), assign({ id: 'x' })]).toEqual(['jz-lan-xiaomei', 'jz-lan-xiaomei', null]);
    expect(load()).toEqual({ 'jz-lan-xiaomei': 2 });
  });
});

// Laws over random officers and profiles in a small world of two cities.
const COUNTIES = ['451402', '451421', '500154', '500155'];
const REGIONS = [...COUNTIES, '451400', '500000'];
const INDUSTRIES = ['tea', 'vegetables', 'aquaculture'];
const arbOfficer = fc.record({
  regions: fc.uniqueArray(fc.constantFrom(...REGIONS), { minLength: 1, maxLength: 2 }),
  industries: fc.option(fc.uniqueArray(fc.constantFrom(...INDUSTRIES), { maxLength: 2 }), { nil: undefined }),
  capacity: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});
const arbOfficers = fc.array(arbOfficer, { maxLength: 8 }).map((os) => os.map((o, i): Officer => ({ id: `o-${i}`, name: `专员${i}`, regions: o.regions, ...(o.industries ? { industries: o.industries } : {}), ...(o.capacity !== undefined ? { capacity: o.capacity } : {}) })));
const arbProfile = fc.record({
  id: fc.constant('p'),
  regionCode: fc.constantFrom(...COUNTIES),
  business: fc.record({ industry: fc.uniqueArray(fc.constantFrom(...INDUSTRIES), { minLength: 1, maxLength: 2 }) }),
});

const prefix = (r: string) => (r.endsWith('0000') ? r.slice(0, 2) : r.endsWith('00') ? r.slice(0, 4) : r);
const covers = (o: Officer, p: { regionCode: string; business: { industry: string[] } }) =>
  o.regions.some((r) => p.regionCode.startsWith(prefix(r))) && (!o.industries?.length || o.industries.some((i) => p.business.industry.includes(i)));
const level = (o: Officer, county: string) => Math.max(...o.regions.filter((r) => county.startsWith(prefix(r))).map((r) => prefix(r).length));

describe('assignment laws', () => {
  it('always picks a covering officer, none only when nobody covers, and no equally placed officer carries less', () => {
    fc.assert(
      fc.property(arbOfficers, arbProfile, fc.array(fc.nat(6), { minLength: 8, maxLength: 8 }), (os, p, loads) => {
        const load = Object.fromEntries(os.map((o, i) => [o.id, loads[i]!]));
        const got = assignOfficer(p, os, { load });
        const covering = os.filter((o) => covers(o, p));
        if (!got) return covering.length === 0;
        const chosen = os.find((o) => o.id === got.officerId)!;
        if (!covers(chosen, p)) return false;
        const full = (o: Officer) => o.capacity !== undefined && load[o.id]! >= o.capacity;
        const specific = (o: Officer) => !!o.industries?.length;
        const peers = covering.filter((o) => full(o) === full(chosen) && level(o, p.regionCode) === level(chosen, p.regionCode) && specific(o) === specific(chosen));
        return peers.every((o) => load[o.id]! >= load[chosen.id]!);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps max − min load ≤ 1 among interchangeable officers over a batch', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(arbProfile, { maxLength: 60 }), fc.nat(5), (n, profiles, start) => {
        const os: Officer[] = Array.from({ length: n }, (_, i) => ({ id: `o-${i}`, name: `专员${i}`, regions: ['450000', '500000'] }));
        const initial = Object.fromEntries(os.map((o) => [o.id, start]));
        const { load } = assignOfficers(profiles.map((p, i) => ({ ...p, id: `p-${i}` })), os, { load: initial });
        const values = os.map((o) => load[o.id]!);
        return Math.max(...values) - Math.min(...values) <= 1 && values.reduce((a, b) => a + b, 0) === n * start + profiles.length;
      }),
      { numRuns: 200 },
    );
  });
});
