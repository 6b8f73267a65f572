import { addMonths, daysInMonth, formatDay, fromDayNumber, toDayNumber, type CivilDate } from '../core/dates.js';
import { chineseToNumber } from './numbers.js';

/** An exact ISO day, or an inclusive range of ISO days for "去年", "2023年5月", "三年前". */
export type DateValue = string | { min: string; max: string };

export interface DateMention {
  value: DateValue;
  start: number;
  end: number;
}

const N = `(\\d+|[零〇一二两三四五六七八九十]+)`;
const num = (x: string): number | null => (/\d/u.test(x) ? Number(x) : chineseToNumber(x));
const day = (c: CivilDate) => formatDay(toDayNumber(c));
const range = (a: CivilDate, b: CivilDate, asOf: number): DateValue => {
  const lo = toDayNumber(a);
  const hi = Math.min(toDayNumber(b), Math.max(lo, asOf));
  return lo === hi ? formatDay(lo) : { min: formatDay(lo), max: formatDay(hi) };
};
const monthRange = (y: number, m: number, asOf: number) => range({ y, m, d: 1 }, { y, m, d: daysInMonth(y, m) }, asOf);
const yearRange = (y: number, asOf: number) => range({ y, m: 1, d: 1 }, { y, m: 12, d: 31 }, asOf);

/** Parts of a year people name: seasons, 年初, 年底, 春节. Months, inclusive; a winter runs into the next year. */
const PARTS: Record<string, [number, number]> = {
  春天: [3, 5], 春季: [3, 5], 夏天: [6, 8], 夏季: [6, 8], 秋天: [9, 11], 秋季: [9, 11], 冬天: [12, 14], 冬季: [12, 14],
  年初: [1, 3], 年头: [1, 3], 开年: [1, 3], 上半年: [1, 6], 年中: [5, 8], 下半年: [7, 12], 年底: [10, 12], 年末: [10, 12], 年尾: [10, 12], 过年: [1, 2], 春节: [1, 2], 过完年: [2, 3],
  spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 14],
};
const PART_RE = Object.keys(PARTS).sort((a, b) => b.length - a.length).join('|');

function partRange(y: number, part: string, asOf: number): DateValue {
  const [a, b] = PARTS[part]!;
  const end = addMonths({ y, m: 1, d: 1 }, b - 1);
  return range({ y, m: a, d: 1 }, { y: end.y, m: end.m, d: daysInMonth(end.y, end.m) }, asOf);
}

/** Two-digit years as people write them: 23年 → 2023, 93年 → 1993 (the latest not after asOf's year). */
function fullYear(y: number, asOfYear: number): number {
  if (y >= 100) return y;
  const c = 2000 + y;
  return c <= asOfYear ? c : 1900 + y;
}

const REL_YEARS: Record<string, number> = { 今年: 0, 本年: 0, 去年: -1, 上年: -1, 前年: -2, 大前年: -3, 'this year': 0, 'last year': -1 };

/**
 * Dates in a message, anchored at `asOf` (a day number): 2023-05-01, 2023年5月, 23年5月, 2004年,
 * 二零二三年, 去年, 去年3月, 前年冬天, 三年前, 半年前, 两个月前, 上个月, 今年年初, "last year", "3 years ago".
 */
export function findDates(text: string, asOf: number): DateMention[] {
  const s = text.normalize('NFKC').toLowerCase();
  const today = fromDayNumber(asOf);
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const add = (value: DateValue | null, start: number, end: number) => {
    if (!value || taken.some(([a, b]) => start < b && end > a)) return;
    taken.push([start, end]);
    out.push({ value, start, end });
  };
  const scan = (re: RegExp, f: (m: RegExpMatchArray) => DateValue | null) => {
    for (const m of s.matchAll(re)) add(f(m), m.index!, m.index! + m[0].length);
  };
  // Full dates first, then months, years and relative forms.
  scan(/(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/gu, (m) => {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? day({ y, m: mo, d }) : null;
  });
  scan(new RegExp(`(\\d{2,4}|[零〇一二三四五六七八九]{2,4})\\s*(?:年|[-/.])\\s*${N}\\s*月?(?!\\d)(?!\\s*(?:万|千|岁|亩|人|个|元))`, 'gu'), (m) => {
    const y0 = num(m[1]!);
    const mo = num(m[2]!);
    if (y0 === null || mo === null || mo < 1 || mo > 12) return null;
    if (/^\d{3}$/u.test(m[1]!)) return null;
    return monthRange(fullYear(y0, today.y), mo, asOf);
  });
  scan(new RegExp(`(大前年|前年|去年|上年|今年|本年|this year|last year)\\s*(?:的)?\\s*(?:${N}\\s*月份?|(${PART_RE}|底|末|初|中))?`, 'gu'), (m) => {
    const y = today.y + REL_YEARS[m[1]!]!;
    if (m[2]) {
      const mo = num(m[2]);
      return mo && mo >= 1 && mo <= 12 ? monthRange(y, mo, asOf) : null;
    }
    if (m[3]) return partRange(y, m[3].length === 1 ? `年${m[3]}` : m[3], asOf);
    return yearRange(y, asOf);
  });
  scan(new RegExp(`${N}\\s*年(?:多)?(?:以)?前|${N}\\s*years?\\s*ago`, 'gu'), (m) => {
    const n = num(m[1] ?? m[2]!);
    if (n === null || n > 80) return null;
    const centre = addMonths(today, -12 * n);
    const more = /多/u.test(m[0]);
    return range(addMonths(centre, more ? -11 : -6), addMonths(centre, more ? 0 : 6), asOf);
  });
  // "回来两年了": back for two years, so back two years ago.
  scan(new RegExp(`(?:回来|回家|返乡|回乡|回老家)(?:已经|都|有|快)?${N}\\s*年(?:多)?了`, 'gu'), (m) => {
    const n = num(m[1]!);
    if (n === null || n > 80) return null;
    const centre = addMonths(today, -12 * n);
    return range(addMonths(centre, -6), addMonths(centre, 6), asOf);
  });
  // "23年底", "2019年初": a part of a named year.
  scan(new RegExp(`(?<!\\d)(\\d{2}|\\d{4})\\s*年\\s*(底|末|初|中)`, 'gu'), (m) => {
    const y = fullYear(Number(m[1]!), today.y);
    return y < 1900 || y > 2100 ? null : partRange(y, `年${m[2]!}`, asOf);
  });
  // "零五年生的", "八八年的": a two-digit year in characters, before what dates a life.
  scan(/([零〇九八][零〇一二三四五六七八九])\s*年(?=生|的|出生|毕业|回)/gu, (m) => {
    const y = fullYear(num(m[1]!)!, today.y);
    return y < 1900 || y > 2100 ? null : yearRange(y, asOf);
  });
  scan(/半年(?:以)?前|half a year ago/gu, () => range(addMonths(today, -9), addMonths(today, -3), asOf));
  scan(new RegExp(`${N}\\s*个(?:多)?月(?:以)?前|${N}\\s*months?\\s*ago`, 'gu'), (m) => {
    const n = num(m[1] ?? m[2]!);
    if (n === null || n > 600) return null;
    const c = addMonths(today, -n);
    return monthRange(c.y, c.m, asOf);
  });
  scan(/上个?月|last month/gu, () => {
    const c = addMonths(today, -1);
    return monthRange(c.y, c.m, asOf);
  });
  scan(/这个?月|本月|this month/gu, () => monthRange(today.y, today.m, asOf));
  scan(/(?<![\d年])(\d{4})\s*年?(?![\d万千百亩人个元岁])|(?<![\d])(\d{2})\s*年(?![\d前多底初]|级)|([零〇一二三四五六七八九]{4})\s*年/gu, (m) => {
    const raw = m[1] ?? m[2] ?? m[3]!;
    const y = fullYear(num(raw)!, today.y);
    if (y < 1900 || y > 2100) return null;
    // A year alone, "2004" or "2004年"; with a season after it, that part of the year.
    const rest = s.slice(m.index! + m[0].indexOf(raw) + raw.length);
    const part = new RegExp(`^\\s*年?\\s*(?:的)?(${PART_RE})`, 'u').exec(rest);
    return part ? partRange(y, part[1]!, asOf) : yearRange(y, asOf);
  });
  return out.sort((a, b) => a.start - b.start);
}

/** Someone `age` years old on `asOf` was born in this range. */
export function birthRangeForAge(age: number, asOf: number): { min: string; max: string } {
  const t = fromDayNumber(asOf);
  const latest = addMonths(t, -12 * age);
  const earliest = addMonths(t, -12 * (age + 1));
  return { min: formatDay(toDayNumber(earliest) + 1), max: formatDay(toDayNumber(latest)) };
}
