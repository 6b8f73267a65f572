import Fuse from 'fuse.js';
import type { Status } from '../core/tri.js';
import { pick, type Locale } from '../core/text.js';
import type { Profile } from '../profile/schema.js';
import { cacheSlot, type MatcherCore } from '../engine/index.js';
import type { Policy } from '../policy/schema.js';
import { parseProfile } from '../profile/validate.js';
import { SYNONYMS, type SynonymEntry } from './synonyms.js';

/** One policy found by free text; `status` when a profile was given. */
export interface SearchHit {
  policyId: string;
  /** The policy's title in the requested locale. */
  title: string;
  /** 0..1, higher is better. */
  score: number;
  status?: Status;
  /** What the policy may pay, for people ("最高30万元"): for the profile when one was given, else for anyone. Absent when the policy names no amount or is not in force. */
  amountText?: string;
}

/** Options of `matcher.search`. */
export interface SearchOptions {
  profile?: unknown;
  /** The day the status and amount are read on (default today, from the matcher's clock). */
  asOf?: Date | string;
  limit?: number;
  /** The language of `title` and `amountText` (default zh-CN). */
  locale?: Locale;
}

interface Doc {
  id: string;
  title: string;
  titleEn: string;
  summary: string;
  tags: string[];
  synonyms: string[];
  kindTerms: string[];
  pinyin: string[];
  initials: string[];
}

/**
 * How search reads Chinese in Latin letters, so "daikuan" or "cydbdk" find 创业担保贷款. Kept out
 * of the core: pass `pinyinReader` (guiyan's, over pinyin-pro's tables) to `createMatcher`; an app
 * that does not will not load the tables, and its search matches characters, English and synonyms.
 */
export interface PinyinReader {
  /** Whole syllables without tones, lower case: 贷款 → "daikuan". */
  full(text: string): string;
  /** First letters: 贷款 → "dk". */
  initials(text: string): string;
}

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
const han = (xs: readonly string[]) => xs.filter(hasHan);

type Entry = SynonymEntry & { forms: ReadonlySet<string> };

/** A synonym entry's terms with the pinyin of its words of two characters or more (one syllable is too loose). */
const entriesOf = (py: PinyinReader | undefined): Entry[] =>
  SYNONYMS.map((e) => ({ ...e, forms: new Set([...e.terms.map((t) => t.toLowerCase()), ...(py ? han(e.terms).filter((t) => t.length >= 2).map(py.full) : [])]) }));
/** Built once at load: the plain table needs no reader. With a reader each index builds its own (about 100 entries). */
const PLAIN_ENTRIES = entriesOf(undefined);

/** Edit distance with adjacent transpositions, stopping early past 1: is `a` one typo from `b`? */
function oneTypo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]! <= 1;
}

/** Hits below this similarity are noise from fuzzy matching single characters. */
export const MIN_SCORE = 0.6;

function newDoc(p: Policy, py: PinyinReader | undefined): Doc {
  const kindTerms = SYNONYMS.filter((e) => e.kinds.includes(p.kind)).flatMap((e) => e.terms);
  const words = [p.title['zh-CN'], ...han(p.tags), ...han(p.synonyms), ...han(kindTerms)];
  return {
    id: p.id,
    title: p.title['zh-CN'],
    titleEn: p.title.en ?? '',
    summary: `${p.summary?.['zh-CN'] ?? ''} ${p.summary?.en ?? ''}`,
    tags: p.tags,
    synonyms: p.synonyms,
    kindTerms,
    pinyin: py ? words.map(py.full) : [],
    initials: py ? words.map(py.initials) : [],
  };
}

const KEYS = [
  { name: 'title', weight: 3 },
  { name: 'titleEn', weight: 2 },
  { name: 'tags', weight: 2 },
  { name: 'synonyms', weight: 2 },
  { name: 'kindTerms', weight: 1.5 },
  { name: 'pinyin', weight: 1 },
  { name: 'initials', weight: 1 },
  { name: 'summary', weight: 0.5 },
];

/** The fuzzy index over a catalogue, built once per matcher. */
export class SearchIndex {
  private readonly fuse: Fuse<Doc>;
  private readonly kinds: ReadonlyMap<string, Policy['kind']>;
  private readonly entries: readonly Entry[];

  constructor(policies: readonly Policy[], pinyin?: PinyinReader) {
    const docs = policies.map((p) => newDoc(p, pinyin));
    this.entries = pinyin ? entriesOf(pinyin) : PLAIN_ENTRIES;
    this.fuse = new Fuse(docs, { keys: KEYS, includeScore: true, ignoreLocation: true, threshold: 0.4, ignoreDiacritics: true, ignoreFieldNorm: true });
    this.kinds = new Map(policies.map((p) => [p.id, p.kind]));
  }

  /** Kinds a query names through the synonym table: a whole term, or (from two characters) a part of one. */
  kindsOf(query: string): Set<string> {
    const q = query.toLowerCase().replace(/\s+/g, ' ').trim();
    const compact = q.replace(/\s/g, '');
    const out = new Set<string>();
    const latin = /^[a-z ]+$/.test(q);
    const named = (t: string) =>
      q.includes(t) ||
      compact === t.replace(/\s/g, '') ||
      (q.length >= 2 && t.length > q.length && t.startsWith(q) && hasHan(q) === hasHan(t)) ||
      (latin && compact.length >= 4 && !hasHan(t) && oneTypo(compact, t.replace(/\s/g, '')));
    for (const e of this.entries) if ([...e.forms].some(named)) for (const k of e.kinds) out.add(k);
    return out;
  }

  /** Policy id → similarity in 0..1 for every policy one phrase reaches. */
  private matchOne(q: string): Map<string, number> {
    const out = new Map<string, number>();
    const put = (id: string, s: number) => out.set(id, Math.max(out.get(id) ?? 0, s));
    const latin = /^[a-z\s]+$/i.test(q);
    // One or two Latin letters fuzzily match nearly every pinyin initial: only whole terms count.
    if (!latin || q.replace(/\s/g, '').length >= 3) {
      const variants = latin && /\s/.test(q) ? [q, q.replace(/\s+/g, '')] : [q];
      for (const v of variants) for (const r of this.fuse.search(v)) if (1 - (r.score ?? 1) >= MIN_SCORE) put(r.item.id, 1 - (r.score ?? 1));
    }
    const kinds = this.kindsOf(q);
    // A query that names a kind reaches every policy of it, a little below a direct title hit.
    for (const [id, kind] of this.kinds) if (kinds.has(kind)) put(id, 0.85);
    return out;
  }

  /**
   * Policy id → similarity in 0..1 for every policy the query reaches. A sentence such as
   * "有没有种茶的补贴" is also split into its phrases ("种茶", "补贴"); a policy that every phrase
   * reaches ranks above one that only the broadest reaches.
   */
  match(query: string): Map<string, number> {
    const q = query.trim().slice(0, 32);
    if (!q) return new Map();
    const whole = this.matchOne(q);
    const parts = phrasesOf(q);
    if (parts.length === 0 || (parts.length === 1 && parts[0] === q)) return whole;
    // Each phrase's hits, a phrase that reaches nothing read character by character (种茶 → 茶), a little lower.
    const per = parts.map((p) => {
      const hits = this.matchOne(p);
      if (hits.size > 0 || !hasHan(p) || p.length < 2) return hits;
      const chars = new Map<string, number>();
      for (const ch of p) for (const [id, s] of this.matchOne(ch)) chars.set(id, Math.max(chars.get(id) ?? 0, s * CHARACTER_DISCOUNT));
      return chars;
    });
    // A policy's phrase score is its mean over the phrases, so one reached by every phrase leads.
    const out = new Map(whole);
    const ids = new Set(per.flatMap((m) => [...m.keys()]));
    for (const id of ids) {
      const mean = per.reduce((sum, m) => sum + (m.get(id) ?? 0), 0) / per.length;
      out.set(id, Math.max(out.get(id) ?? 0, mean));
    }
    return out;
  }
}

/** A phrase found only through one of its characters counts for a little less. */
const CHARACTER_DISCOUNT = 0.9;

/** Words that carry no subject in a question such as "我想申请有没有…的补贴". */
const STOP_ZH = ['可不可以', '能不能', '有没有', '是否有', '请问', '我想', '想要', '申请', '办理', '哪些', '什么', '怎么', '怎样', '如何', '一下', '帮我', '关于', '政策', '可以', '有', '没', '想', '要', '我', '的', '吗', '呢', '了', '啊', '吧', '能', '请', '查', '找'];
const STOP_EN = new Set(['i', 'want', 'a', 'an', 'the', 'for', 'to', 'of', 'is', 'are', 'there', 'any', 'do', 'you', 'have', 'me', 'my', 'please', 'need', 'how', 'can', 'get', 'about', 'policy', 'policies', 'with', 'on', 'in']);
const STOP_RE = new RegExp(STOP_ZH.join('|'), 'g');

/** The phrases of a query: runs of Chinese between stop words and punctuation, and Latin words. */
export function phrasesOf(query: string): string[] {
  const out: string[] = [];
  for (const run of query.toLowerCase().split(/[^\p{Script=Han}a-z0-9]+|(?<=\p{Script=Han})(?=[a-z0-9])|(?<=[a-z0-9])(?=\p{Script=Han})/u)) {
    if (!run) continue;
    if (hasHan(run)) out.push(...run.split(STOP_RE).filter(Boolean));
    else if (!STOP_EN.has(run)) out.push(run);
  }
  return [...new Set(out)];
}

/** Per matcher, the search index over its policies, built on first search; never stale (the catalogue is fixed). */
/** Search indexes by pinyin reader (one matcher has one, but the slot does not know it). */
const PLAIN = {};
const INDEX = cacheSlot('search.index', () => new WeakMap<object, SearchIndex>());

/** The profile of a search without one: nothing known, so amounts are the widest each policy allows. */
const ANYONE = Object.freeze({ id: 'anyone' }) as Profile;

const STATUS_RANK: Record<Status, number> = { eligible: 0, unknown: 0, ineligible: 1 };

/**
 * 找政策: fuzzy free-text search over titles, summaries, tags, synonyms and pinyin, with a
 * synonym table. With a profile, hits carry its status and ineligible ones sink.
 * @example search(core, '借钱', { limit: 5 }) // [{ policyId: 'cn-guarantee-loan-individual', score: 0.85 }, …]
 */
export function searchPolicies(core: MatcherCore, query: string, opts: SearchOptions = {}, pinyin?: PinyinReader): SearchHit[] {
  const byReader = core.cache(INDEX);
  let index = byReader.get(pinyin ?? PLAIN);
  if (!index) byReader.set(pinyin ?? PLAIN, (index = new SearchIndex(core.policies, pinyin)));
  const scores = index.match(query);
  const locale = opts.locale ?? 'zh-CN';
  const day = core.day(opts.asOf);
  const withProfile = opts.profile !== undefined;
  // With a profile: its verdicts. Without one: what a person nobody knows anything about may get.
  const evals = core.evaluateProfile(withProfile ? parseProfile(opts.profile) : ANYONE, day, { mode: 'verdict', scope: 'all', locale });
  const byId = new Map(evals.map((e) => [e.policyId, e]));
  const hits: SearchHit[] = [];
  for (const [policyId, s] of scores) {
    const score = Math.round(s * 10_000) / 10_000;
    const e = byId.get(policyId);
    // Policies not in force at asOf are left out once a profile dates the search.
    if (withProfile && !e) continue;
    const title = e?.title ?? pick(core.compiledById(policyId)!.policy.title, locale);
    const hit: SearchHit = withProfile ? { policyId, title, score, status: e!.status } : { policyId, title, score };
    if (e?.amountText) hit.amountText = e.amountText;
    hits.push(hit);
  }
  hits.sort((a, b) => (a.status && b.status ? STATUS_RANK[a.status] - STATUS_RANK[b.status] : 0) || b.score - a.score || (a.policyId < b.policyId ? -1 : 1));
  return hits.slice(0, opts.limit ?? 10);
}
