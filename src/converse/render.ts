import { fill, type Locale } from '../core/text.js';
import { wordsFor } from '../core/catalogue/index.js';
import { DEFAULT_SIGNATURE } from '../messages/render.js';
import { fitsSms } from '../messages/sms.js';
import { cutTokens, shortenToFit, tokens } from '../messages/shorten.js';
import type { Block, Content, ListItem } from './types.js';

/** How hard an SMS squeezes its lists: amounts shown, tokens kept per title, items kept. */
interface Squeeze {
  amount: boolean;
  /** Keep a question's closing hint in brackets ("（如2023年6月1日…）"). */
  hint: boolean;
  titleTokens: number;
  items: number;
  /** Tokens kept of a text's title (an echo's facts) and of a question's options, when they differ from list titles. */
  textTokens?: number;
  optionTokens?: number;
}

const ALL = Number.POSITIVE_INFINITY;
/** Light squeezes keep every item readable; they are tried before an optional block is dropped. */
const LIGHT: readonly Squeeze[] = [
  { amount: true, hint: true, titleTokens: ALL, items: ALL },
  { amount: false, hint: true, titleTokens: ALL, items: ALL },
  { amount: false, hint: true, titleTokens: 12, items: ALL, textTokens: ALL },
  // A question's short form, then shorter option labels (every option kept, so paging stays
  // numbered as in the full list), then a shorter echo: all before what was stored goes unsaid.
  { amount: false, hint: false, titleTokens: 12, items: ALL, textTokens: ALL },
  { amount: false, hint: false, titleTokens: 12, items: ALL, textTokens: ALL, optionTokens: 4 },
  { amount: false, hint: false, titleTokens: 12, items: ALL, textTokens: 12, optionTokens: 4 },
];
/** Heavy squeezes cut titles short and leave items out: only once nothing optional is left. */
const HEAVY: readonly Squeeze[] = [
  { amount: false, hint: false, titleTokens: 12, items: ALL },
  ...[9, 7, 5, 4].map((t) => ({ amount: false, hint: false, titleTokens: t, items: ALL })),
  ...[8, 6, 5, 4, 3, 2, 1].map((n) => ({ amount: false, hint: false, titleTokens: 6, items: n })),
  ...[4, 3, 2, 1].map((n) => ({ amount: false, hint: false, titleTokens: 4, items: n })),
];

const cut = (s: string, n: number, ellipsis: string) => (n === ALL ? s : cutTokens(tokens(s), n, ellipsis));

function smsItem(item: ListItem, n: number, sq: Squeeze, locale: Locale): string {
  const w = wordsFor(locale).bot;
  const title = cut(item.title, sq.titleTokens, w.ellipsis);
  const note = sq.amount && item.amount ? `${item.amount}${w.comma}${item.status}` : item.status;
  return w.smsItem(n, title, note);
}

function smsBlock(b: Block, sq: Squeeze, locale: Locale): string {
  const w = wordsFor(locale).bot;
  const more = (total: number, shown: number) => (shown < total ? w.gap + fill(w.more, { count: total }) : '');
  switch (b.kind) {
    case 'text':
      return b.title === undefined ? b.sms : fill(b.sms, { title: cut(b.title, sq.textTokens ?? sq.titleTokens, w.ellipsis) });
    case 'list': {
      const shown = b.items.slice(0, sq.items);
      return shown.map((it, i) => smsItem(it, i + 1, sq, locale)).join(w.listSep) + more(b.items.length, shown.length) + w.stop;
    }
    case 'question': {
      // A paged list keeps every option of its page: "回0看更多" goes on from the next number.
      const opts = (b.options ?? []).slice(0, b.more ? undefined : sq.items);
      const first = (b.start ?? 0) + 1;
      const list = opts.map((o, i) => `${first + i}${w.gap}${cut(o, sq.optionTokens ?? sq.titleTokens, w.ellipsis)}`).join(' ');
      const tail = (opts.length < (b.options?.length ?? 0) ? w.ellipsis : '') + (b.more ? w.aside(w.moreOptions) : '');
      const multi = b.multiple && sq.hint ? w.aside(w.multipleHint) : '';
      const q = sq.hint ? b.text : (b.short ?? b.text).replace(/\s*[（(][^（()）]*[）)]\s*$/u, '');
      return `${w.askPrefix}${q}${list ? w.gap + list + tail : ''}${multi}`;
    }
  }
}

function chatBlock(b: Block, locale: Locale): string {
  const w = wordsFor(locale).bot;
  switch (b.kind) {
    case 'text':
      return fill(b.chat ?? b.sms, { title: b.title });
    case 'list':
      return b.items
        .map((it, i) => w.chatItem(i + 1, it.title, it.amount, it.status))
        .join('\n');
    case 'question': {
      const lines = [b.text, ...(b.options ?? []).map((o, i) => `  ${i + 1}. ${o}`)];
      const hints = [...(b.multiple ? [w.multipleHint] : []), w.skipHint];
      lines.push(w.asideLine(hints));
      return lines.join('\n');
    }
  }
}

/** A chat reply: every block, with line breaks and lists. */
export function renderChatReply(content: Content, locale: Locale): { text: string; sent: Set<string> } {
  return { text: content.map((b) => chatBlock(b, locale)).join('\n'), sent: new Set(content.flatMap((b) => (b.tag ? [b.tag] : []))) };
}

export interface SmsFit {
  /** Sender name; '' for none. Default 【归雁服务】. */
  signature?: string | undefined;
  /** Most parts (default 1). */
  partCap?: number | undefined;
}

/** '开州就业' or '【开州就业】' → '【开州就业】'; '' stays ''. */
export function signatureOf(signature: string | undefined): string {
  const s = (signature ?? DEFAULT_SIGNATURE).trim();
  if (!s) return '';
  return s.startsWith('【') && s.endsWith('】') ? s : `【${s}】`;
}

/**
 * An SMS reply within the part cap, signature counted: optional blocks are dropped (highest
 * `drop` first), then lists and options are squeezed (amounts left out, titles cut between words,
 * fewer items); as a last resort the text is cut between words. Which tagged blocks were sent is
 * returned, so a question that did not fit is not taken as asked.
 */
export function renderSmsReply(content: Content, locale: Locale, opts: SmsFit = {}): { text: string; sent: Set<string> } {
  const cap = Math.max(1, Math.floor(opts.partCap ?? 1));
  const sig = signatureOf(opts.signature);
  const w = wordsFor(locale).bot;
  const ranks = [...new Set(content.map((b) => b.drop ?? 0).filter((d) => d > 0))].sort((a, b) => b - a);
  const levels = [Number.POSITIVE_INFINITY, ...ranks];
  let last = '';
  for (const level of levels) {
    // Blocks whose drop rank is at or above `level` are left out at this level.
    const kept = content.filter((b) => !b.drop || b.drop < level);
    for (const sq of level === levels.at(-1) ? [...LIGHT, ...HEAVY] : LIGHT) {
      const body = kept.map((b) => smsBlock(b, sq, locale)).join(w.join);
      last = body;
      if (fitsSms(sig + body, cap)) return { text: sig + body, sent: new Set(kept.flatMap((b) => (b.tag ? [b.tag] : []))) };
    }
  }
  const body = shortenToFit(last, w.ellipsis, (c) => fitsSms(sig + c, cap));
  if (body !== null) return { text: sig + body, sent: new Set() };
  return { text: fitsSms(sig, cap) ? sig : '', sent: new Set() };
}
