import { wordsFor } from '../core/catalogue/index.js';
import { fill, type Locale } from '../core/text.js';
import { fitsSms, smsParts } from './sms.js';
import { shortenToFit } from './shorten.js';
import { TEMPLATES, type EventKind, type MessageTemplates, type Segment } from './templates.js';

/** One event, already put in words for one locale: what a template can name. */
export interface MessageItem {
  kind: EventKind;
  policyId: string;
  title: string;
  amount?: string | undefined;
  previousAmount?: string | undefined;
  status?: string | undefined;
  previousStatus?: string | undefined;
  deadline?: string | undefined;
  /** Label of the one field still missing. */
  field?: string | undefined;
  question?: string | undefined;
  reasons?: readonly string[] | undefined;
  where?: string | undefined;
  documents?: string | undefined;
}

/** How an SMS is signed, capped and closed. */
export interface SmsOptions {
  /** Sender name shown as 【…】; it counts toward the length. */
  signature?: string;
  /** Most parts a message may take (default 1). */
  partCap?: number;
  optOut?: string;
  /** A short link or a reply code; default a reply code ("回1查看详情"). */
  link?: string;
  templates?: MessageTemplates;
}

/** An SMS ready to send, with the parts it takes. */
export interface RenderedSms {
  text: string;
  parts: number;
  /** True when optional pieces were dropped or a title cut to meet the cap. */
  shortened: boolean;
}

export const DEFAULT_SIGNATURE = '归雁服务';

type Vars = Record<string, string | undefined>;

function varsOf(item: MessageItem): Vars {
  return { ...item, reasons: item.reasons?.join('\n') } as Vars;
}

/** Fills segments; an optional segment naming an empty value is left out. */
function body(segments: readonly Segment[], vars: Vars, keepOptional: number): string {
  let optionalSeen = 0;
  let out = '';
  for (const s of segments) {
    if (s.optional) {
      optionalSeen++;
      if (optionalSeen > keepOptional || !allPresent(s.text, vars)) continue;
    }
    out += fill(s.text, vars);
  }
  return out;
}

const NAMES_RE = /\{(\w+)\}/g;
function allPresent(text: string, vars: Vars): boolean {
  for (const m of text.matchAll(NAMES_RE)) if (!vars[m[1]!]) return false;
  return true;
}

/** Fits `segments` into the cap: all optional pieces, then fewer, then a shorter `{cutVar}`. */
function fitSegments(segments: readonly Segment[], vars: Vars, cutVar: string, wrap: (b: string) => string, cap: number, ellipsis: string): Fit | null {
  const optionalCount = segments.filter((s) => s.optional).length;
  for (let keep = optionalCount; keep >= 0; keep--) {
    const text = wrap(body(segments, vars, keep));
    if (fitsSms(text, cap)) return { text, whole: keep === optionalCount };
  }
  const whole = vars[cutVar];
  if (!whole) return null;
  const cut = shortenToFit(whole, ellipsis, (c) => fitsSms(wrap(body(segments, { ...vars, [cutVar]: c }, 0)), cap));
  return cut === null ? null : { text: wrap(body(segments, { ...vars, [cutVar]: cut }, 0)), whole: false };
}

interface Fit {
  text: string;
  /** Nothing was dropped or cut. */
  whole: boolean;
}

/**
 * Renders one SMS for a person's events (one event, or a digest of several) within the part cap:
 * optional pieces are dropped first, then titles are cut between words or characters, never inside
 * a number; the signature, link and opt-out line always stay.
 * @example renderSms([{ kind: 'newly-eligible', policyId: 'x', title: '个人创业担保贷款', amount: '最高20万元' }], 'zh-CN')
 */
export function renderSms(items: readonly MessageItem[], locale: Locale, opts: SmsOptions = {}): RenderedSms {
  const t = opts.templates ?? TEMPLATES[locale];
  const cap = Math.max(1, opts.partCap ?? 1);
  const sig = (opts.signature ?? DEFAULT_SIGNATURE) ? `【${opts.signature ?? DEFAULT_SIGNATURE}】` : '';
  const tail = fill(t.words.tail, { link: opts.link ?? t.words.link, optOut: opts.optOut ?? t.words.optOut });
  const wrap = (b: string) => sig + b + tail;
  const attempts: (() => Fit | null)[] = [];
  if (items.length === 1) {
    const item = items[0]!;
    attempts.push(() => fitSegments(t.sms[item.kind], varsOf(item), 'title', wrap, cap, t.words.ellipsis));
  } else if (items.length > 1) {
    const q = wordsFor(locale).quote;
    const titles = [...new Set(items.map((i) => i.title))];
    const count = String(items.length);
    for (let n = titles.length; n >= 2; n--) {
      const list = titles.slice(0, n).map(q).join(t.words.sep) + (n < titles.length ? t.words.ellipsis : '');
      attempts.push(() => fitSegments(t.smsDigest, { count, titles: list }, '', wrap, cap, t.words.ellipsis));
    }
    attempts.push(() => fitSegments(t.smsDigestShort, { count, first: titles[0] }, 'first', wrap, cap, t.words.ellipsis));
  }
  for (const [i, attempt] of attempts.entries()) {
    const fit = attempt();
    if (fit) return { text: fit.text, parts: smsParts(fit.text), shortened: i > 0 || !fit.whole };
  }
  const text = wrap(body(t.smsFallback, {}, 0));
  return { text, parts: smsParts(text), shortened: true };
}

/** Chat text for one event: its template's lines, leaving out lines whose values are missing. */
function chatBlock(item: MessageItem, t: MessageTemplates): string {
  const vars = { ...varsOf(item), reasons: item.reasons?.map((r) => t.words.reasonBullet + r).join('\n') };
  return t.chat[item.kind]
    .filter((line) => allPresent(line, vars))
    .map((line) => fill(line, vars))
    .join('\n');
}

/**
 * Renders a chat message: fuller than an SMS, with the reasons, where to apply and the next question.
 * @example renderChat(items, 'en')
 */
export function renderChat(items: readonly MessageItem[], locale: Locale, templates: MessageTemplates = TEMPLATES[locale]): string {
  if (items.length === 1) return chatBlock(items[0]!, templates);
  const head = fill(templates.chatDigestHead, { count: items.length });
  return [head, ...items.map((i, n) => `${n + 1}. ${chatBlock(i, templates)}`)].join('\n\n');
}
