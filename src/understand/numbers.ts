import Nzh from 'nzh';

/** An exact number, or an inclusive range for an approximate one ("大概80亩", "十几个人"). */
export type NumberValue = number | { min: number; max: number };

export interface NumberMention {
  value: NumberValue;
  /** The unit written after it (亩, 人, 岁, 年, 元, 万…), '' when none. */
  unit: string;
  start: number;
  end: number;
}

const DIGIT = '零〇一二两三四五六七八九';
const CN_NUM = `[${DIGIT}十百千万亿]`;
const CN_RUN = new RegExp(`${CN_NUM}+`, 'u');

/**
 * 三万 → 30000, 两千五 → 2500, 一万五 → 15000, 八十 → 80, 二零二三 → 2023. nzh decodes the regular
 * forms; the spoken ones (两, a last digit whose unit is left out) are written out first.
 */
export function chineseToNumber(text: string): number | null {
  let s = text.replace(/两/gu, '二').replace(/〇/gu, '零');
  if (!s || !new RegExp(`^${CN_NUM}+$`, 'u').test(s)) return null;
  // Digit by digit, as years are read: 二零二三.
  if (!/[十百千万亿]/u.test(s)) {
    const digits = [...s].map((ch) => '零一二三四五六七八九'.indexOf(ch));
    return digits.length > 1 ? Number(digits.join('')) : digits[0]!;
  }
  // 两千五 = 二千五百, 一万五 = 一万五千, 三百二 = 三百二十: the unit below the last one is implied.
  const implied: Record<string, string> = { 万: '千', 千: '百', 百: '十' };
  const m = /([万千百])([一二三四五六七八九])$/u.exec(s);
  if (m) s += implied[m[1]!]!;
  const n = Nzh.cn.decodeS(s);
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

const UNIT_MULT: Record<string, number> = { 万: 10_000, w: 10_000, W: 10_000, 千: 1_000, k: 1_000, K: 1_000, 百: 100, 亿: 100_000_000 };

/** "大概" / "左右" / "多" make an approximate number a range: ±10% for about, up to the next step for "多". */
function approximate(n: number): { min: number; max: number } {
  const d = Math.max(1, Math.round(n * 0.1));
  return { min: Math.max(0, n - d), max: n + d };
}

const ABOUT_BEFORE = /(?:大概|大约|差不多|约|估计|将近|接近|大致|左右|around|about|roughly|approximately|approx\.?|~)\s*$/iu;
const ABOUT_AFTER = /^\s*(?:左右|上下|来|出头|the)/u;

/**
 * Every number in a message with the unit after it: Arabic (200000, 1.5万, 3w, 2,000), Chinese
 * (三万, 两千五, 八十), ranges (七八个 → 7–8, 二三十 → 20–30, 十几 → 11–19, 100多 → 101–199) and
 * approximate forms (大概80亩 → 72–88).
 */
export function findNumbers(text: string): NumberMention[] {
  // 俩 and 仨 are spoken 两个 and 三个.
  const s = text.normalize('NFKC').replace(/(\d),(?=\d{3}\b)/gu, '$1').replace(/俩/gu, '两').replace(/仨/gu, '三');
  const out: NumberMention[] = [];
  const re = new RegExp(
    `(\\d+(?:\\.\\d+)?|${CN_NUM}+)(?:\\s*(?:-|~|到|至)\\s*(\\d+(?:\\.\\d+)?|${CN_NUM}+))?(多|几)?\\s*(万|千|百|亿|w|W|k|K)?(多|几)?\\s*(亩|个人|个|名|位|人|岁|周岁|年|个月|月|元|块钱|块|天|mu|staff|people|employees|workers|years? old|years?|months?|yuan|rmb|k)?`,
    'gu',
  );
  for (const m of s.matchAll(re)) {
    const [all, a, b, more1, mult, more2, unitRaw] = m;
    if (!a) continue;
    // 三年前, 两个月前, 十年: dates are read elsewhere; a lone 一 in 一下 / 一起 is no number.
    if (!/\d/u.test(a) && a.length === 1 && !unitRaw && !mult && a !== '十') continue;
    const start = m.index!;
    const end = start + all.length;
    const k = mult ? UNIT_MULT[mult]! : 1;
    const parse = (x: string) => (/\d/u.test(x) ? Number(x) : chineseToNumber(x));
    let value: NumberValue | null = null;
    const first = parse(a);
    if (first === null) continue;
    if (b) {
      const second = parse(b);
      if (second === null) continue;
      value = { min: Math.min(first, second) * k, max: Math.max(first, second) * k };
    } else if (!/\d/u.test(a) && /^[一二两三四五六七八九]{2}$/u.test(a) && !/十|百|千|万/u.test(a)) {
      // 七八个, 三四十 read as neighbours, not 78.
      const [x, y] = [...a].map((ch) => chineseToNumber(ch)!);
      value = y === x! + 1 ? { min: x! * k, max: y * k } : first * k;
    } else if (/^[一二两三四五六七八九]{2}[十百千万]$/u.test(a)) {
      // 三四十, 三四千: two neighbouring digits before one unit.
      const x = chineseToNumber(a[0]!)!;
      const y = chineseToNumber(a[1]!)!;
      const u = chineseToNumber(`一${a[2]!}`)!;
      value = y === x + 1 ? { min: x * u * k, max: y * u * k } : first * k;
    } else if (more1 || more2 || /十几$|几十$/u.test(a)) {
      const base = first * k;
      const step = more2 && mult ? k : base >= 1000 ? 10 ** Math.floor(Math.log10(base)) : base >= 100 ? 100 : 10;
      value = a.endsWith('几') || more1 === '几' ? { min: base + 1, max: base + 9 } : { min: base + 1, max: base + step - 1 };
    } else value = Math.round(first * k * 100) / 100;
    // "-5": a negative count is no count.
    if (/(?:^|\s)[-−负]$/u.test(s.slice(Math.max(0, start - 2), start)) && typeof value === 'number') value = -value;
    const before = s.slice(Math.max(0, start - 12), start).replace(/[卖有赚收挣种养招流转了]{1,3}$/u, '');
    const after = s.slice(end, end + 3);
    if (typeof value === 'number' && (ABOUT_BEFORE.test(before) || ABOUT_AFTER.test(after))) value = approximate(value);
    out.push({ value, unit: (unitRaw ?? (mult && !unitRaw ? '' : '')).toLowerCase(), start, end });
  }
  return out;
}

void CN_RUN;
