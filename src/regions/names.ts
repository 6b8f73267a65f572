import { REGION_NAMES } from './codes.js';
import { REGION_CODE_DATA } from './data/codes.js';
import { REGION_NAME_DATA } from './data/names.js';

/**
 * The national division table by name: official names, the short forms people write (开州, 汉滨,
 * 广西, 阿左旗) and places named inside a sentence ("我在崇左市江州区", "安康汉滨这边"). Separate from
 * `codes.ts` so that code validation does not carry the names.
 */

export interface RegionMention {
  /** Every unit the words could mean, before context narrows them. */
  codes: string[];
  text: string;
  start: number;
  end: number;
}

/** What `findRegions` read from a text: the region meant, or the candidates. */
export interface RegionReading {
  /** The one unit meant, when the text settles it. */
  code?: string;
  /** Units the text could mean when it does not settle one (朝阳区: Beijing or Changchun). */
  candidates: string[];
  mentions: RegionMention[];
}

type Strength = 'strong' | 'weak';
interface Entry { code: string; strength: Strength }

const ETHNIC =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各';
const AUTONOMOUS = new RegExp(`(?:(?:${ETHNIC})族)+自治(?:区|州|县|旗)$`, 'u');
const SUFFIX = /(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|特区|新区|省|市|区|县|旗|盟)$/u;
/** Not names: the placeholders the statistics table uses for a province's directly governed units. */
const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

/**
 * Short forms that are everyday words; they count as a place only when the whole message is the
 * name or a region was just asked for.
 */
const COMMON_WORDS = new Set(
  '合作 资源 富民 新兴 乐业 兴业 平安 和平 光明 长安 安定 安宁 东方 大方 通道 万年 长寿 江山 元宝 红旗 工农 向阳 白云 新华 中方 永和 南部 大名 武功 天长 凤凰 吉利 新民 康乐 永福 六合 互助 平原 平和 共和 城关 城中 普洱 白银 中山 玉树 朝阳 大同 长治 白山 金融 青山 东区 西区 南区 北区 中区 海港 开发 城东 城西 城南 城北 安乐 太平 和顺 安远 大安 宁安 保康 长乐 永安 昌平 丰收 红星 胜利 前进 新城 古城 开平 高新 福山 宝山 金山 仁和 双城 新市 新会 长城 团结 民乐 安居 文明 大通 和龙 老城 郊区 矿区 城区 市中 吉安 通化 红河 明光 东山 西山 南山 北山 龙华 华龙 新乐 鹤山 长江 黄河 大庆 金平 江北 江南 河东 河西 江东 沙河 清河 祝福'.split(' '),
);

/** Abbreviations that do not follow from the official name. */
const ALIASES: Record<string, string> = {
  阿左旗: '152921', 阿右旗: '152922', 达茂旗: '150223', 鄂前旗: '150623', 乌前旗: '150823', 乌中旗: '150824', 乌后旗: '150825',
  土左旗: '150121', 土右旗: '150221', 科左中旗: '150521', 科左后旗: '150522', 科右前旗: '152221', 科右中旗: '152222',
  察右前旗: '150926', 察右中旗: '150927', 察右后旗: '150928', 东乌旗: '152525', 西乌旗: '152526', 杭锦后旗: '150826',
  莫旗: '150722', 鄂温克旗: '150724', 新右旗: '150727', 新左旗: '150726', 陈旗: '150725', 阿荣: '150721',
  开县: '500154', 旬阳县: '610981', 水富县: '530681', 恒口: '610902', 恒口示范区: '610902',
};

let table: { codes: string[]; names: Map<string, string>; index: Map<string, Entry[]>; longest: number } | undefined;

function decodeCodes(): string[] {
  const out: string[] = [];
  const [provinces = '', ...prefectures] = REGION_CODE_DATA.split(' ');
  for (let i = 0; i < provinces.length; i += 2) out.push(`${provinces.slice(i, i + 2)}0000`);
  for (const entry of prefectures) {
    const city = entry.slice(0, 4);
    out.push(`${city}00`);
    for (let i = 4; i < entry.length; i += 2) out.push(city + entry.slice(i, i + 2));
  }
  return out;
}

/** 广西壮族自治区 → 广西, 石柱土家族自治县 → 石柱, 开州区 → 开州, 阿拉善盟 → 阿拉善; null when nothing shorter is a name. */
export function shortForm(name: string): string | null {
  const stripped = AUTONOMOUS.test(name) ? name.replace(AUTONOMOUS, '') : name.replace(SUFFIX, '');
  const s = stripped.replace(/(?:回族|维吾尔|壮族)$/u, '');
  return s.length >= 2 && s !== name ? s : null;
}

/** 科尔沁左翼中旗 → 科左中旗, 土默特右旗 → 土右旗: how banners are shortened. */
function bannerShort(name: string): string | null {
  const m = /^(\p{Script=Han})\p{Script=Han}*?(?:(左|右)翼)?(左|右|前|中|后)旗$/u.exec(name);
  if (!m) return null;
  return `${m[1]}${m[2] ?? ''}${m[3]}旗`;
}

function load() {
  if (table) return table;
  const codes = decodeCodes();
  const names = REGION_NAME_DATA.split('|');
  const byCode = new Map<string, string>();
  const index = new Map<string, Entry[]>();
  const add = (key: string, code: string, strength: Strength) => {
    const list = index.get(key) ?? [];
    if (!list.some((e) => e.code === code)) list.push({ code, strength });
    index.set(key, list);
  };
  codes.forEach((code, i) => {
    const name = names[i]!;
    byCode.set(code, name);
    if (PLACEHOLDER.test(name)) return;
    add(name, code, 'strong');
    const short = shortForm(name);
    const county = !code.endsWith('00');
    if (short) add(short, code, COMMON_WORDS.has(short) || (county && short.length < 3) ? 'weak' : 'strong');
    const banner = bannerShort(name);
    if (banner && banner !== name) add(banner, code, 'strong');
  });
  for (const [alias, code] of Object.entries(ALIASES)) if (byCode.has(code)) add(alias, code, 'strong');
  let longest = 0;
  for (const k of index.keys()) longest = Math.max(longest, k.length);
  table = { codes, names: byCode, index, longest };
  return table;
}

/** The official name of a code in the national table (`451402` → 江州区), or undefined. */
export function regionOfficialName(code: string): string | undefined {
  const name = load().names.get(code);
  return name && !PLACEHOLDER.test(name) ? name : undefined;
}

/**
 * Province, prefecture and county names joined: `451402` → 广西壮族自治区崇左市江州区.
 *
 * @example
 * regionFullName('451402') // '广西壮族自治区崇左市江州区'
 */
export function regionFullName(code: string): string | undefined {
  const t = load();
  if (!t.names.has(code)) return undefined;
  const chain = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code].filter((c, i, a) => a.indexOf(c) === i);
  return chain.map((c) => regionOfficialName(c) ?? '').join('');
}

/** Codes whose official name, short form or known abbreviation is exactly `name` (开州 → 500154). */
export function regionsNamed(name: string): string[] {
  return (load().index.get(name.trim()) ?? []).map((e) => e.code);
}

const contains = (outer: string, inner: string) =>
  outer !== inner && (outer.endsWith('0000') ? inner.startsWith(outer.slice(0, 2)) : outer.endsWith('00') && inner.startsWith(outer.slice(0, 4)));

const BEFORE = /(?:在|住|回|到|来自|老家|家在|是|去|于|从|搬到|户口)$/u;
const AFTER = /^(?:的|人|这边|那边|这里|那里|这儿|那儿|一带|本地|县城|城里|乡下|农村|老家|附近|镇|乡|村|[,，。.!！\s]|$)/u;

/**
 * Every place named in `text`, longest names first, with context choosing between same-named units:
 * "崇左市江州区" and "安康汉滨" settle on the county inside the named prefecture.
 * `expecting: true` (a region was just asked for) lets short forms that are also words count.
 *
 * @example
 * findRegions('我在崇左市江州区').code // '451402'
 */
export function findRegions(text: string, opts: { expecting?: boolean } = {}): RegionReading {
  const t = load();
  const s = text.normalize('NFKC');
  const raw: (RegionMention & { strength: Strength[] })[] = [];
  for (let i = 0; i < s.length; ) {
    let hit: (RegionMention & { strength: Strength[] }) | undefined;
    for (let len = Math.min(t.longest, s.length - i); len >= 2; len--) {
      const key = s.slice(i, i + len);
      const entries = t.index.get(key);
      if (entries) {
        hit = { codes: entries.map((e) => e.code), strength: entries.map((e) => e.strength), text: key, start: i, end: i + len };
        break;
      }
    }
    if (hit) {
      raw.push(hit);
      i = hit.end;
    } else i++;
  }
  const bare = s.replace(/[\s,，。.!！?？~～、的啊呀吧呢哦嘛]+/gu, '').replace(/^(?:我在|在|我是|是|我家在|老家)/u, '');
  const mentions: RegionMention[] = [];
  raw.forEach((m, k) => {
    const keep = m.codes.filter((_, j) => {
      if (m.strength[j] === 'strong') return true;
      if (opts.expecting || bare === m.text) return true;
      if (COMMON_WORDS.has(m.text)) return false;
      const adjacent = (k > 0 && raw[k - 1]!.end === m.start) || (k + 1 < raw.length && raw[k + 1]!.start === m.end);
      return adjacent || BEFORE.test(s.slice(Math.max(0, m.start - 2), m.start)) || AFTER.test(s.slice(m.end));
    });
    if (keep.length) mentions.push({ codes: keep, text: m.text, start: m.start, end: m.end });
  });
  if (!mentions.length) return { candidates: [], mentions };
  // Narrow each mention by the others: a unit inside (or containing) another mention's unit wins.
  const narrowed = mentions.map((m, k) => {
    const others = mentions.filter((_, j) => j !== k).flatMap((o) => o.codes);
    const fit = m.codes.filter((c) => others.some((o) => contains(o, c) || contains(c, o)));
    return fit.length ? fit : m.codes;
  });
  // The most specific reading: the deepest level any mention reaches.
  const depth = (c: string) => (c.endsWith('0000') ? 0 : c.endsWith('00') ? 1 : 2);
  let best: string[] = [];
  let bestDepth = -1;
  for (const codes of narrowed) {
    const d = Math.max(...codes.map(depth));
    const deepest = codes.filter((c) => depth(c) === d);
    if (d > bestDepth) {
      best = deepest;
      bestDepth = d;
    } else if (d === bestDepth) best = best.filter((c) => deepest.includes(c)).length ? best.filter((c) => deepest.includes(c)) : [...best, ...deepest];
  }
  const candidates = [...new Set(best)];
  return candidates.length === 1 ? { code: candidates[0]!, candidates, mentions } : { candidates, mentions };
}

/** Writes Chinese in toneless pinyin ("开州" → "kaizhou"); the search module's `pinyinReader` is one. */
export interface LatinReader {
  full(text: string): string;
}

const latinIndex = new WeakMap<LatinReader, Map<string, string[]>>();
let englishOnly: Map<string, string[]> | undefined;
const depthOf = (c: string) => (c.endsWith('0000') ? 0 : c.endsWith('00') ? 1 : 2);

/** The latin keys: English names always; with a pinyin reader, every name and short form of the table. */
function latinKeys(reader: LatinReader | undefined): Map<string, string[]> {
  const cached = reader ? latinIndex.get(reader) : englishOnly;
  if (cached) return cached;
  const map = new Map<string, string[]>();
  const add = (key: string, code: string) => {
    const k = key.toLowerCase().replace(/[^a-z]/g, '');
    if (k.length < 4) return;
    const list = map.get(k) ?? [];
    if (!list.includes(code)) list.push(code);
    map.set(k, list);
  };
  if (reader) for (const [key, entries] of load().index) for (const e of entries) add(reader.full(key), e.code);
  const english = { ...Object.fromEntries(Object.entries(REGION_NAMES).map(([code, n]) => [code, n.en])), ...EN_NAMES };
  for (const [code, n] of Object.entries(english)) {
    add(n, code);
    add(n.replace(/\s+(?:district|county|city|banner|league|prefecture|province)$/iu, ''), code);
  }
  if (reader) latinIndex.set(reader, map);
  else englishOnly = map;
  return map;
}

/**
 * Places written in pinyin or English: "Kaizhou", "Jiangzhou District", "Alxa Left Banner", "Guangzhou".
 * Without a pinyin reader only the English names kept with the codes are known (the seed's regions,
 * provinces such as Tibet); with one (`pinyinReader`), every unit of the table, built on first use.
 */
export function findRegionsLatin(text: string, reader?: LatinReader): RegionReading {
  const latin = latinKeys(reader);
  const words = text.toLowerCase().replace(/[^a-z\s]/g, ' ').split(/\s+/).filter(Boolean);
  const mentions: RegionMention[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let len = Math.min(4, words.length - i); len >= 1; len--) {
      const key = words.slice(i, i + len).join('').replace(/(district|county|city|banner|league|prefecture|province)$/u, '');
      const codes = latin.get(key) ?? latin.get(words.slice(i, i + len).join(''));
      if (codes && !/^(?:china|house|main|about|shan|anding|heping)$/u.test(key)) {
        const top = Math.min(...codes.map(depthOf));
        mentions.push({ codes: codes.filter((c) => depthOf(c) === top), text: words.slice(i, i + len).join(' '), start: i, end: i + len });
        i += len - 1;
        break;
      }
    }
  }
  const counties = mentions.flatMap((m) => m.codes);
  const within = (c: string) => mentions.some((m) => m.codes.some((o) => contains(o, c)));
  const narrowed = mentions.length > 1 ? counties.filter(within) : counties;
  const pickFrom = narrowed.length ? narrowed : counties;
  const d = Math.max(-1, ...pickFrom.map(depthOf));
  const candidates = [...new Set(pickFrom.filter((c) => depthOf(c) === d))];
  return candidates.length === 1 ? { code: candidates[0]!, candidates, mentions } : { candidates, mentions };
}

/** English names that are not pinyin. */
const EN_NAMES: Record<string, string> = {
  '152921': 'Alxa Left Banner', '152922': 'Alxa Right Banner', '152900': 'Alxa', '152923': 'Ejin Banner', '150000': 'Inner Mongolia',
  '540000': 'Tibet', '650000': 'Xinjiang', '450000': 'Guangxi', '640000': 'Ningxia', '810000': 'Hong Kong', '820000': 'Macau', '710000': 'Taiwan', '610000': 'Shaanxi',
};
