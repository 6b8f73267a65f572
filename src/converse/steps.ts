import { toQuestion, type Question } from '../ask/index.js';
import { wordsFor } from '../core/catalogue/index.js';
import type { Locale } from '../core/text.js';
import type { Matcher } from '../matcher/create.js';
import type { Policy } from '../policy/schema.js';
import { fill, pick } from '../core/text.js';
import { assignOfficer } from '../officers/assign.js';
import type { Officer } from '../officers/schema.js';
import { fieldInfo } from '../profile/fields.js';
import { regionOfficialName } from '../regions/names.js';
import type { Understanding } from '../understand/index.js';
import { applyFacts, showValue } from './facts.js';
import { detailsContent, listItem, notFoundContent, questionBlock, recommendationItems, resultContent, searchContent, textBlock, textContent } from './content.js';
import { normalizeInbound } from './intents.js';
import type { Block, Content, ConversationState, ConverseOptions } from './types.js';

/**
 * The replies a turn is made of: ask the next question, rank, search, detail a policy, hand off to
 * an officer, store stated facts, or say what was not understood. `converse.ts` picks one per message.
 */

/** Unreadable answers in a row before the question is set aside. */
export const MAX_RETRIES = 2;

/** What a step decided: the reply's content, and the question it asks ('keep' leaves the pending one). */
export interface Step {
  content: Content;
  ask: Question | null | 'keep';
  /** Parts this reply may take in an SMS, when it is worth more than the default (details asked for). */
  parts?: number;
}

/** 详情 in an SMS carries status, amount, office, one key document and the source: up to three parts. */
export const DETAILS_PARTS = 3;

/** One turn's context: the state being changed and what the reply may use. */
export interface Ctx {
  s: ConversationState;
  m: Matcher;
  asOf: Date | string | undefined;
  locale: Locale;
  limit: number;
  byId: ReadonlyMap<string, Policy>;
  sms: boolean;
  officers: readonly Officer[];
  pinyin: ConverseOptions['pinyin'];
}

/** The next question; a range already asked about once is not asked again. */
export const next = (c: Ctx): Question | null => c.m.nextQuestion(c.s.profile, { asOf: c.asOf, locale: c.locale, skip: [...c.s.skipped, ...(c.s.precise ?? [])] });

/** The question waiting for an answer, asked again in the current locale. */
export function pendingQuestion(c: Ctx): Question | null {
  return c.s.pending && fieldInfo(c.s.pending) ? toQuestion(c.s.pending, [], 0, c.locale) : null;
}

/** The ranked result, with the next question when `askMore`. */
export function result(c: Ctx, askMore: boolean): Step {
  const recs = c.m.recommend(c.s.profile, { asOf: c.asOf, locale: c.locale, limit: c.limit });
  c.s.shown = recs.map((r) => r.policyId);
  const q = askMore ? next(c) : null;
  return { content: resultContent(recommendationItems(recs, c.byId, c.locale), c.locale, q), ask: q };
}

/** The next question, or the ranked result when nothing is left to ask. */
export function advance(c: Ctx, before: Content = []): Step {
  const q = next(c);
  if (!q) {
    const done = result(c, false);
    return { content: [...before, ...done.content], ask: done.ask };
  }
  return { content: [...before, ask(c, q)], ask: q };
}

export function search(c: Ctx, text: string, q: Question | null): Step | null {
  const evals = new Map(c.m.evaluate(c.s.profile, { asOf: c.asOf, mode: 'verdict', scope: 'applicable' }).map((e) => [e.policyId, e]));
  // Once the region is known, other regions' local policies are never listed.
  const known = c.s.profile.regionCode !== undefined;
  const hits = c.m.search(text, { profile: c.s.profile, asOf: c.asOf, limit: c.limit * 3 }).filter((h) => !known || evals.has(h.policyId)).slice(0, c.limit);
  if (hits.length === 0) return null;
  const items = hits.map((h) => listItem(c.byId.get(h.policyId)!, evals.get(h.policyId) ?? { status: h.status ?? 'unknown' }, c.locale));
  c.s.shown = hits.map((h) => h.policyId);
  return { content: searchContent(items, c.locale, q), ask: q };
}

/** Text worth searching: two Chinese characters or three letters; a lone "x" or "2" is not a need. */
export const isNeed = (raw: string): boolean => /\p{Script=Han}.*\p{Script=Han}/su.test(raw) || /[a-z].*[a-z].*[a-z]/isu.test(raw);

export function details(c: Ctx, n: number | undefined): Step {
  const w = wordsFor(c.locale).bot;
  const id = n ? c.s.shown[n - 1] : undefined;
  if (!id) return { content: textContent(c.s.shown.length ? w.detailsWhich : w.notFound.sms, c.s.shown.length ? w.detailsWhich : w.notFound.chat), ask: 'keep' };
  const e = c.m.evaluate(c.s.profile, { asOf: c.asOf, locale: c.locale }).find((x) => x.policyId === id);
  c.s.focus = id;
  return { content: detailsContent(c.byId.get(id)!, e, c.locale), ask: 'keep', parts: DETAILS_PARTS };
}


/** Options an SMS shows at once (per locale: English labels are longer); longer lists are paged with "回0看更多", numbers kept. */
export const smsPage = (c: Ctx): number => wordsFor(c.locale).bot.smsPage;

/** The question block; in an SMS a long option list shows one page, numbered as in the full list. */
export function ask(c: Ctx, q: Question, drop?: number, prefix?: string): Block {
  const b = questionBlock(q, c.locale, drop);
  if (b.kind !== 'question') return b;
  const withPrefix = prefix ? { ...b, text: prefix + b.text, ...(b.short ? { short: prefix + b.short } : {}) } : b;
  const size = smsPage(c);
  if (!c.sms || !b.options || b.options.length <= size) return withPrefix;
  const pages = Math.ceil(b.options.length / size);
  // The page turned with "0" belongs to the question it was turned on; another starts at its first.
  const page = (q.field === c.s.pending ? (c.s.optionPage ?? 0) : 0) % pages;
  const start = page * size;
  return { ...withPrefix, options: b.options.slice(start, start + size), start, more: true };
}

/**
 * The pending question asked again after a side reply (a question answered, a hand-off, details).
 * It stays pending even when a tight SMS has no room to repeat it: the person still has it.
 */
export function reask(c: Ctx, content: Block[]): Step {
  const q = pendingQuestion(c);
  if (!q) return { content, ask: 'keep' };
  return { content: [...content, ask(c, q, 2)], ask: 'keep' };
}

/** The policy a question is about: the one just detailed, else the first listed. */
export function focusPolicy(c: Ctx): Policy | undefined {
  const id = c.s.focus ?? c.s.shown[0];
  return id ? c.byId.get(id) : undefined;
}

/** Hands the person to the officer who covers their region and trade, by name and office. */
export function handOff(c: Ctx): Step {
  const w = wordsFor(c.locale).bot;
  if (c.s.profile.regionCode === undefined && c.officers.length) {
    c.s.wantsHuman = true;
    const q = toQuestion('regionCode', [], 0, c.locale);
    return { content: [ask(c, q, undefined, w.handoffWhere)], ask: q };
  }
  delete c.s.wantsHuman;
  const a = c.officers.length ? assignOfficer(c.s.profile, c.officers, { locale: c.locale }) : null;
  const o = a ? c.officers.find((x) => x.id === a.officerId) : undefined;
  if (!o) return reask(c, [textBlock(w.handoffNone)]);
  const office = o.office ? pick(o.office, c.locale) : undefined;
  c.s.handoff = { officerId: o.id, name: o.name, ...(office ? { office } : {}), turn: c.s.turns };
  return { content: [textBlock(fill(office ? w.handoff : w.handoffNoOffice, { name: o.name, office }))], ask: null };
}

/** A plain statement of coverage when the region has no local rules: national policies only. */
function coverageNote(c: Ctx): Block[] {
  const code = c.s.profile.regionCode;
  if (!code || c.s.coverageFor === code) return [];
  c.s.coverageFor = code;
  const local = c.m.policies.some((p) => p.regions.length > 0 && p.regions.some((r) => code.startsWith(r.endsWith('0000') ? r.slice(0, 2) : r.endsWith('00') ? r.slice(0, 4) : r)));
  if (local) return [];
  return [textBlock(fill(wordsFor(c.locale).bot.coverage, { region: regionOfficialName(code) ?? code }), undefined, 1)];
}

/** Stores what a message stated, echoes it, and moves on: a contradiction or an imprecise range is asked about first. */
export function stateFacts(c: Ctx, u: Understanding, correction: boolean): Step {
  const w = wordsFor(c.locale).bot;
  const applied = applyFacts(c.s, u.facts, c.m, c.asOf, { correction });
  const said: Block[] = [];
  if (applied.stored.length) {
    const facts = applied.stored.map((f) => showValue(f.field, f.value, c.locale)).join(w.sep);
    // The facts ride as the block's title, which a tight SMS may cut rather than drop the echo.
    said.push({ kind: 'text', sms: fill(w.noted, { facts: '{title}' }), chat: fill(w.noted, { facts }), title: facts, drop: 1 });
  }
  for (const r of u.rejected ?? []) said.push(textBlock(fill(w.rejected, { text: r.text })));
  said.push(...coverageNote(c));
  if (applied.contradiction) {
    const { field, old, value } = applied.contradiction;
    const label = w.shortLabels[field] ?? pick(fieldInfo(field)!.label, c.locale);
    const text = fill(w.contradiction, { field: label, old: showValue(field, old, c.locale), new: showValue(field, value, c.locale) });
    return { content: [...said, textBlock(text)], ask: null };
  }
  if (applied.precise) {
    const q = toQuestion(applied.precise, [], 0, c.locale);
    return { content: [...said, ask(c, q, undefined, w.precise)], ask: q };
  }
  c.s.retries = 0;
  if (c.s.wantsHuman && c.s.profile.regionCode !== undefined) {
    const h = handOff(c);
    return { ...h, content: [...said, ...h.content] };
  }
  if ((u.rejected ?? []).length && !applied.stored.length) {
    const q = pendingQuestion(c);
    if (q) return { content: [...said, ask(c, q)], ask: q };
  }
  return advance(c, said);
}

/** A message the reader could not place: re-ask the pending question (set aside after two tries), or say what works. */
export function unclear(c: Ctx, raw: string): Step {
  const w = wordsFor(c.locale).bot;
  const pending = pendingQuestion(c);
  if (!pending) {
    if (/^\d{1,3}$/.test(normalizeInbound(raw)) && c.s.shown.length) return details(c, Number(normalizeInbound(raw)));
    return (isNeed(raw) ? search(c, raw, next(c)) : null) ?? { content: notFoundContent(c.locale, next(c)), ask: next(c) };
  }
  c.s.retries += 1;
  if (c.s.retries >= MAX_RETRIES) {
    c.s.skipped.push(pending.field);
    c.s.retries = 0;
    return advance(c, [textBlock(w.setAside.sms, w.setAside.chat, 3)]);
  }
  const hint = fieldHint(pending.field, c.locale);
  return { content: [textBlock(hint), ask(c, pending, 1)], ask: 'keep' };
}

/** A short "not understood" with an example that works, for the field asked. */
function fieldHint(field: string, locale: 'zh-CN' | 'en'): string {
  const info = fieldInfo(field);
  const kind = info?.kind === 'boolean' || info?.kind === 'number' || info?.kind === 'date' || info?.kind === 'region' ? info.kind : 'choice';
  return fill(wordsFor(locale).bot.hints[kind], { unit: info?.unit ? pick(info.unit, locale) : '' }).replace(/\s+(?=[.。])/u, '');
}

/** 北京市朝阳区 rather than 朝阳区, to tell same-named places apart. */
export function regionFullNameShort(code: string): string {
  const city = regionOfficialName(`${code.slice(0, 4)}00`);
  const prov = regionOfficialName(`${code.slice(0, 2)}0000`);
  return `${city && !/市辖区|^县$/u.test(city) ? city : (prov ?? '')}${regionOfficialName(code) ?? code}`;
}

/** Which of the same-named places was meant: the first three, by their fuller names. */
export function whichRegion(c: Ctx, candidates: readonly string[]): Step {
  const w = wordsFor(c.locale).bot;
  const names = candidates.slice(0, 3).map((code) => regionFullNameShort(code)).join(w.sep);
  return { content: [textBlock(fill(w.whichRegion, { options: names }))], ask: 'keep' };
}
