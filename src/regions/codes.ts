import { REGION_CODE_DATA } from './data/codes.js';

let codes: Set<string> | undefined;

/** Every code of the national division table (provinces, prefectures, county-level units), built once on first use. */
export function regionCodes(): ReadonlySet<string> {
  if (codes) return codes;
  const set = new Set<string>();
  const [provinces = '', ...prefectures] = REGION_CODE_DATA.split(' ');
  for (let i = 0; i < provinces.length; i += 2) set.add(`${provinces.slice(i, i + 2)}0000`);
  for (const entry of prefectures) {
    const city = entry.slice(0, 4);
    set.add(`${city}00`);
    for (let i = 4; i < entry.length; i += 2) set.add(city + entry.slice(i, i + 2));
  }
  codes = set;
  return set;
}

/**
 * True for a code in the national division table: `isRegionCode('451402')` (江州区) is true, `'451499'` is not.
 *
 * @example
 * isRegionCode('451402') // true
 */
export function isRegionCode(code: string): boolean {
  return typeof code === 'string' && code.length === 6 && regionCodes().has(code);
}

/** The province, prefecture and county codes that contain `code`, outermost first (`451402` → 450000, 451400, 451402). */
export function regionChain(code: string): string[] {
  const chain = [`${code.slice(0, 2)}0000`];
  if (!code.endsWith('0000')) chain.push(`${code.slice(0, 4)}00`);
  if (!code.endsWith('00')) chain.push(code);
  return chain.filter((c, i) => chain.indexOf(c) === i && regionCodes().has(c));
}

/** 530000 → "53", 530600 → "5306", 530621 → "530621": the prefix every covered county starts with. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function regionCovers(policyRegion: string, profileRegion: string): boolean {
  return profileRegion.startsWith(regionPrefix(policyRegion));
}

/** 0 province, 1 city, 2 county: how local a rule is. */
export function regionLevel(code: string): 0 | 1 | 2 {
  const p = regionPrefix(code).length;
  return p === 2 ? 0 : p === 4 ? 1 : 2;
}

/** The seed's places and their neighbours, for display and for reading place names typed in a chat. */
export const REGION_NAMES: Readonly<Record<string, { 'zh-CN': string; en: string }>> = {
  '530000': { 'zh-CN': '云南省', en: 'Yunnan' },
  '530600': { 'zh-CN': '昭通市', en: 'Zhaotong' },
  '530602': { 'zh-CN': '昭阳区', en: 'Zhaoyang District' },
  '530621': { 'zh-CN': '鲁甸县', en: 'Ludian County' },
  '530622': { 'zh-CN': '巧家县', en: 'Qiaojia County' },
  '530623': { 'zh-CN': '盐津县', en: 'Yanjin County' },
  '530624': { 'zh-CN': '大关县', en: 'Daguan County' },
  '530625': { 'zh-CN': '永善县', en: 'Yongshan County' },
  '530626': { 'zh-CN': '绥江县', en: 'Suijiang County' },
  '530627': { 'zh-CN': '镇雄县', en: 'Zhenxiong County' },
  '530628': { 'zh-CN': '彝良县', en: 'Yiliang County' },
  '530629': { 'zh-CN': '威信县', en: 'Weixin County' },
  '530681': { 'zh-CN': '水富市', en: 'Shuifu' },
  '150000': { 'zh-CN': '内蒙古自治区', en: 'Inner Mongolia' },
  '152900': { 'zh-CN': '阿拉善盟', en: 'Alxa League' },
  '152921': { 'zh-CN': '阿拉善左旗', en: 'Alxa Left Banner' },
  '152922': { 'zh-CN': '阿拉善右旗', en: 'Alxa Right Banner' },
  '152923': { 'zh-CN': '额济纳旗', en: 'Ejin Banner' },
  '500000': { 'zh-CN': '重庆市', en: 'Chongqing' },
  '500154': { 'zh-CN': '开州区', en: 'Kaizhou District' },
  '500155': { 'zh-CN': '梁平区', en: 'Liangping District' },
  '450000': { 'zh-CN': '广西壮族自治区', en: 'Guangxi' },
  '451400': { 'zh-CN': '崇左市', en: 'Chongzuo' },
  '451402': { 'zh-CN': '江州区', en: 'Jiangzhou District' },
  '451421': { 'zh-CN': '扶绥县', en: 'Fusui County' },
  '451422': { 'zh-CN': '宁明县', en: 'Ningming County' },
  '451423': { 'zh-CN': '龙州县', en: 'Longzhou County' },
  '451424': { 'zh-CN': '大新县', en: 'Daxin County' },
  '451425': { 'zh-CN': '天等县', en: 'Tiandeng County' },
  '451481': { 'zh-CN': '凭祥市', en: 'Pingxiang' },
  '610000': { 'zh-CN': '陕西省', en: 'Shaanxi' },
  '610900': { 'zh-CN': '安康市', en: 'Ankang' },
  '610902': { 'zh-CN': '汉滨区', en: 'Hanbin District' },
  '610921': { 'zh-CN': '汉阴县', en: 'Hanyin County' },
  '610922': { 'zh-CN': '石泉县', en: 'Shiquan County' },
  '610923': { 'zh-CN': '宁陕县', en: 'Ningshan County' },
  '610924': { 'zh-CN': '紫阳县', en: 'Ziyang County' },
  '610925': { 'zh-CN': '岚皋县', en: 'Langao County' },
  '610926': { 'zh-CN': '平利县', en: 'Pingli County' },
  '610927': { 'zh-CN': '镇坪县', en: 'Zhenping County' },
  '610929': { 'zh-CN': '白河县', en: 'Baihe County' },
  '610981': { 'zh-CN': '旬阳市', en: 'Xunyang' },
};

/**
 * The short name of a region the bundled rules cover, in the locale; other codes come back as given.
 *
 * @example
 * regionName('500154') // '开州区'
 */
export function regionName(code: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  return REGION_NAMES[code]?.[locale] ?? code;
}
