import { describe, expect, it } from 'vitest';
import { findRegions, findRegionsLatin, regionFullName, regionsNamed, shortForm } from '../../src/regions/names.js';
import { pinyinReader } from '../../src/search/pinyin.js';

describe('reading place names', () => {
  it.each([
    ['崇左市江州区', '451402'],
    ['我在江州区', '451402'],
    ['我在江州', '451402'],
    ['开州的', '500154'],
    ['重庆开州', '500154'],
    ['我是开县的', '500154'],
    ['阿左旗', '152921'],
    ['内蒙古阿拉善左旗', '152921'],
    ['科左中旗', '150521'],
    ['安康汉滨', '610902'],
    ['我们村在汉滨区恒口镇', '610902'],
    ['广州', '440100'],
    ['我在广州打工', '440100'],
    ['北京朝阳区', '110105'],
    ['石柱', '500240'],
    ['宁夏', '640000'],
    ['广西', '450000'],
  ])('%s → %s', (text, code) => {
    expect(findRegions(text).code).toBe(code);
  });

  it.each(['发展养殖有补贴吗', '农民专业合作社', '想了解一下政策', '资源怎么申请', '祝您平安', '大学生创业贷款'])('finds no place in %s', (text) => {
    expect(findRegions(text).candidates).toEqual([]);
  });

  it('leaves a name two units share open, and lets context settle it', () => {
    expect(findRegions('朝阳区').code).toBeUndefined();
    expect(findRegions('朝阳区').candidates.sort()).toEqual(['110105', '220104']);
    expect(findRegions('长春朝阳区').code).toBe('220104');
  });

  it('accepts a short form that is also a word only when a region was asked for', () => {
    expect(findRegions('平安县城那边').candidates).toEqual([]);
    expect(findRegions('平安', { expecting: true }).code).toBe('630203');
    expect(findRegions('合作', { expecting: true }).code).toBe('623001');
    expect(findRegions('我们是合作社').candidates).toEqual([]);
  });

  it('shortens names the way people do', () => {
    expect(shortForm('广西壮族自治区')).toBe('广西');
    expect(shortForm('石柱土家族自治县')).toBe('石柱');
    expect(shortForm('阿拉善盟')).toBe('阿拉善');
    expect(shortForm('开州区')).toBe('开州');
    expect(regionsNamed('汉滨')).toEqual(['610902']);
  });

  it('writes a full name from the chain', () => {
    expect(regionFullName('451402')).toBe('广西壮族自治区崇左市江州区');
    expect(regionFullName('500154')).toBe('重庆市开州区');
    expect(regionFullName('999999')).toBeUndefined();
  });
});

describe('reading places written in latin letters', () => {
  it('knows the English names kept with the codes without any pinyin tables', () => {
    expect(findRegionsLatin('I live in Jiangzhou District').code).toBe('451402');
    expect(findRegionsLatin('Alxa Left Banner').code).toBe('152921');
    expect(findRegionsLatin('Hanbin, Ankang').code).toBe('610902');
    expect(findRegionsLatin('Guangzhou').candidates).toEqual([]);
  });

  it('knows every unit of the table in pinyin when given a reader', () => {
    expect(findRegionsLatin('I work in Guangzhou', pinyinReader).code).toBe('440100');
    expect(findRegionsLatin('Xinjiang', pinyinReader).code).toBe('650000');
    expect(findRegionsLatin('I want a loan', pinyinReader).candidates).toEqual([]);
  });
});
