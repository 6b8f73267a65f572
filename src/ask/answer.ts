import { daysInMonth, formatDay, parseIsoDate, toDayNumber } from '../core/dates.js';
import { wordsFor } from '../core/catalogue/index.js';
import { fill, pick, type Locale } from '../core/text.js';
import { fieldInfo, type FieldInfo } from '../profile/fields.js';
import type { Profile } from '../profile/schema.js';
import { safeParseProfile } from '../profile/validate.js';
import { REGION_NAMES } from '../regions/codes.js';
import { withAnswer } from './path.js';

/** Why an answer could not be read. */
export type AnswerErrorCode = 'unknown-field' | 'empty' | 'not-boolean' | 'not-number' | 'not-date' | 'not-choice' | 'not-region' | 'invalid';

/** The profile with the answer applied, or a typed error with an example of an answer that works. */
export type AnswerResult =
  | { ok: true; profile: Profile; value: unknown }
  | { ok: false; code: AnswerErrorCode; message: string; example: string };

const YES = new Set(['是', '是的', '有', '有的', '对', '对的', '嗯', '要', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', '不是', '没有', '没', '无', '不', '不对', '没有的', 'n', 'no', 'false', '0']);
const NONE = new Set(['无', '没有', '没', '否', '都不是', '都没有', '暂无', '还没有', '还没', '还没登记', '没登记', '未登记', 'none', 'no', 'not yet', 'n/a', '-']);


function fail(code: AnswerErrorCode, locale: Locale, vars: Record<string, string> = {}): AnswerResult {
  const m = wordsFor(locale).answer[code];
  const example = vars.example ?? m.example;
  return { ok: false, code, message: fill(m.message, { ...vars, example }), example };
}

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .trim()
    .replace(/[。.!！?？~～]+$/u, '')
    .trim()
    .toLowerCase();

const UNITS: Record<string, number> = { 万: 10_000, 千: 1_000, 百: 100, 亿: 100_000_000, k: 1_000, w: 10_000 };

/** "3万" → 30000, "20亩" → 20, "3.5万元" → 35000, "1,200" → 1200. */
export function readNumber(text: string): number | null {
  const m = /^(-?\d+(?:\.\d+)?)\s*(万|千|百|亿|k|w)?\s*[\p{Script=Han}a-z]*$/u.exec(text.replace(/[,，]/g, ''));
  if (!m) return null;
  return Math.round(Number(m[1]) * (m[2] ? UNITS[m[2]]! : 1) * 100) / 100;
}

/** "2023年6月" → 2023-06-01, "2023年6月5日", "2023-06-01", "2023.6", "2023/6/5", "2023-6"; a month alone means its first day. */
export function readDate(text: string): string | null {
  const m = /^(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])?\s*(?:(\d{1,2})\s*[日号]?)?$/u.exec(text);
  if (!m) return parseIsoDate(text) ? text : null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = m[3] ? Number(m[3]) : 1;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return formatDay(toDayNumber({ y, m: mo, d }));
}

function readChoice(info: FieldInfo, token: string): string | null {
  const opts = info.options ?? [];
  if (/^\d+$/.test(token)) return opts[Number(token) - 1]?.value ?? null;
  const exact = opts.find((o) => o.value === token || norm(o.label['zh-CN']) === token || norm(o.label.en ?? '') === token);
  if (exact) return exact.value;
  const partial = opts.filter((o) => norm(o.label['zh-CN']).includes(token) || token.includes(norm(o.label['zh-CN']).replace(/（.*）/u, '')));
  if (partial.length === 1) return partial[0]!.value;
  return info.openOptions && token.length > 0 ? token : null;
}

/** A place name of the seed's regions ("开州", "开州区", "Kaizhou") or a 6-digit code. */
export function readRegion(text: string): string | null {
  if (/^\d{6}$/.test(text)) return text;
  const strip = (s: string) => s.replace(/(自治区|省|市|区|县|旗|盟| district| county| banner| league)$/u, '');
  const t = strip(text);
  for (const [code, name] of Object.entries(REGION_NAMES)) {
    if (norm(name['zh-CN']) === text || norm(name.en) === text || strip(norm(name['zh-CN'])) === t || strip(norm(name.en)) === t) return code;
  }
  return null;
}

function read(info: FieldInfo, text: string, locale: Locale): { value: unknown } | AnswerResult {
  switch (info.kind) {
    case 'boolean':
      if (YES.has(text)) return { value: true };
      if (NO.has(text)) return { value: false };
      return fail('not-boolean', locale);
    case 'number': {
      const n = readNumber(text);
      if (n === null) return fail('not-number', locale, { example: `20${info.unit ? pick(info.unit, locale) : ''}` });
      return { value: n };
    }
    case 'date': {
      if (NONE.has(text)) return info.nullable ? { value: null } : fail('not-date', locale);
      const d = readDate(text);
      return d ? { value: d } : fail('not-date', locale);
    }
    case 'choice': {
      const v = readChoice(info, text);
      return v ? { value: v } : fail('not-choice', locale);
    }
    case 'choices':
    case 'strings': {
      if (NONE.has(text)) return { value: [] };
      const tokens = text.split(/[\s,，、;；和]+/u).filter(Boolean);
      const values: string[] = [];
      for (const t of tokens) {
        const v = readChoice(info, t);
        if (!v) return fail('not-choice', locale, { example: '1,3' });
        if (!values.includes(v)) values.push(v);
      }
      return { value: values };
    }
    case 'region': {
      const code = readRegion(text);
      return code ? { value: code } : fail('not-region', locale);
    }
    default:
      return { value: text };
  }
}

/**
 * Applies an answer typed in a chat or SMS to a profile: "是/否/有/没有", "3万", "20亩", "2023年6月",
 * "无" (none), option numbers "1,3" or labels, place names. Never throws for a bad answer.
 * @example applyAnswer({ id: 'p' }, 'hasOtherLoans', '没有') // { ok: true, profile: { id: 'p', hasOtherLoans: false }, value: false }
 */
export function applyAnswer(profile: Profile, field: string, text: string, opts: { locale?: Locale } = {}): AnswerResult {
  const locale = opts.locale ?? 'zh-CN';
  const info = fieldInfo(field);
  if (!info) return fail('unknown-field', locale, { field, example: '' });
  const t = norm(text);
  if (!t) return fail('empty', locale);
  const r = read(info, t, locale);
  if ('ok' in r) return r;
  const next = withAnswer(profile, field, r.value);
  const checked = safeParseProfile(next);
  if (!checked.success) return fail('invalid', locale, { detail: checked.error.issues.map((i) => i.message).join('; '), example: '' });
  return { ok: true, profile: checked.profile, value: r.value };
}
