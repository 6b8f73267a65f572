import { resolveAsOf } from '../core/dates.js';
import { readFacts, readKinds, readPlaces, type Read } from './facts.js';
import * as L from './lexicon.js';
import { chineseToNumber } from './numbers.js';
import { any, approxNumbers, bare, clausesOf, fold, mend, plain, whole } from './text.js';
import type { Understanding, UnderstandOptions } from './types.js';

export type { Fact, FactValue, Understanding, UnderstandOptions, UnderstoodIntent } from './types.js';

/** The term a "what does X mean" question names. */
function termOf(t: string): string | undefined {
  const m = /^(?:什么叫|啥叫|何为|什么是|啥是)(.{2,16}?)[?？]?$/u.exec(t) ?? /^(?:请问|问一下|想问下?)?[，, ]*(.{2,16}?)(?:是啥意思|是什么意思|啥意思|什么意思|是啥|是什么|指什么|指的是什么|怎么理解|算不算|包括哪些)/u.exec(t) ?? /what (?:does|is) (?:a |an |the )?["“]?(.{2,40}?)["”]? (?:mean|count)/u.exec(t) ?? /what is (?:a |an |the )?(.{2,40}?)\??$/u.exec(t);
  return m?.[1]?.replace(/^(?:那个|这个|啥叫|什么叫|什么是)/u, '').trim() || undefined;
}

/**
 * Reads one message into an intent and the facts it states (any fields, not only the one asked).
 * Pure: no clock, no state. A message that asks something is never an answer; stop wordings are
 * read before anything else, and a need ("发展养殖有补贴吗") is never a stop.
 * @example
 * understand('我22岁，去年从广东回来，在开州', { asOf: '2026-06-01' })
 * // { intent: 'answer', facts: [{ field: 'regionCode', value: '500154' }, { field: 'groups', value: ['returning-migrant-worker'] },
 * //   { field: 'birthDate', value: { min: '2003-06-02', max: '2004-06-01' } }, { field: 'returnDate', value: { min: '2025-01-01', max: '2025-12-31' } }] }
 */
export function understand(text: string, opts: UnderstandOptions = {}): Understanding {
  const t = mend(fold(String(text ?? '').slice(0, 500)));
  const b = bare(t);
  const expecting = opts.expecting ?? undefined;
  let asOf: number | null = null;
  try {
    asOf = opts.asOf !== undefined ? resolveAsOf(opts.asOf) : null;
  } catch {
    asOf = null;
  }
  if (!b) return { intent: 'unclear', facts: [] };
  if (any(L.OPT_OUT, t) && !/^(?:不用谢|没事)/u.test(b)) return { intent: 'opt-out', facts: [] };
  if (any(L.OPT_IN, t)) return { intent: 'opt-in', facts: [] };
  if (any(L.RESTART, b) || any(L.RESTART, plain(t))) return { intent: 'restart', facts: [] };
  if (any(L.HUMAN, t) && !/人工智能/u.test(t)) return { intent: 'human', facts: [] };
  const det = L.DETAILS.exec(b) ?? L.DETAILS.exec(plain(t));
  if (det) {
    const raw = det[1] ?? det[2] ?? det[3];
    const n = raw === undefined ? 0 : /\d/u.test(raw) ? Number(raw) : (chineseToNumber(raw) ?? 0);
    return { intent: 'details', facts: [], ...(n ? { n } : {}) };
  }
  if (L.GREETING.test(b) || L.GREETING.test(plain(t)) || /^[?？]+$/u.test(b)) return { intent: 'greeting', facts: [] };

  const r: Read = { facts: [], rejected: [] };
  const clauses = clausesOf(t);
  const questions: string[] = [];
  const statements: string[] = [];
  const answerLike = (c: string) => whole(L.DONT_KNOW, c) || whole(L.NO, c) || whole(L.YES, c) || /^(?:没有|没得|不是|没)+$/u.test(bare(c));
  for (const c of clauses) {
    if (L.QUESTION.test(approxNumbers(c)) && !answerLike(c)) questions.push(c);
    // "不是个体户，是公司": what is denied is not stated; "不是开州是梁平": what follows 是 is.
    else if (!(clauses.length > 1 && /^不是/u.test(c))) statements.push(c);
    else if (/^不是.+?是(.+)$/u.test(c)) statements.push(/^不是.+?是(.+)$/u.exec(c)![1]!);
  }
  if (statements.length) {
    const said = statements.join('，');
    readPlaces(said, expecting, r, opts.pinyin);
    readKinds(said, expecting, r);
    for (const c of statements) readFacts(c, expecting, asOf, r, clauses.length === 1);
  }
  const extra = (u: Understanding): Understanding => ({
    ...u,
    ...(r.rejected.length ? { rejected: r.rejected } : {}),
    ...(r.regionCandidates ? { regionCandidates: r.regionCandidates } : {}),
  });

  if (any(L.CORRECTION, t)) {
    const target = r.facts.length ? undefined : L.FIELD_NAMES.find((f) => f.re.test(t))?.field;
    return extra({ intent: 'correction', facts: r.facts, ...(target ? { target } : {}) });
  }

  if (questions.length) {
    const q = questions.join('，');
    const topic = L.TOPICS.find((x) => x.re.test(q))?.topic;
    const needy = L.NEED_WORDS.test(q) && L.SEARCH_VERBS.test(q);
    // "有没有种茶的补贴" looks for policies; "利息多少" asks about the one shown.
    const aboutShown = /这个|这项|它|刚才|上面|那个/u.test(q) || (topic !== undefined && !['amount', 'where'].includes(topic));
    if (needy && !aboutShown) return extra({ intent: 'search', facts: r.facts });
    const term = topic === 'meaning' ? termOf(q) : undefined;
    return extra({ intent: 'question', facts: r.facts, ...(topic ? { topic } : {}), ...(term ? { term } : {}) });
  }
  if (whole(L.DONT_KNOW, t) || /^(?:不知道|不晓得|不清楚|记不清|忘了)/u.test(b)) return extra({ intent: 'answer', facts: r.facts, dontKnow: true });
  // "大棚补贴", "养牛的贷款": a need named with its trade is a search, unless the trade was asked.
  const tradeOnly = r.facts.every((f) => f.field === 'business.industry' && expecting !== f.field);
  if (r.facts.length && !(tradeOnly && L.NEED_WORDS.test(t))) return extra({ intent: 'answer', facts: r.facts });
  if (r.rejected.length) return extra({ intent: 'answer', facts: [] });
  if (L.NEED_WORDS.test(t)) return { intent: 'search', facts: [] };
  // A bare yes/no with nothing asked that takes one, a lone digit with no list: unclear.
  return { intent: 'unclear', facts: [] };
}
