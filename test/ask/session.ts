import { applyAnswer, type Matcher, type Profile } from '../../src/index.js';
import { FIELDS } from '../../src/profile/fields.js';

const read = (p: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), p);

/** An answer as a person would type it, from the hidden profile's value. */
export function typed(value: unknown, field: string): string {
  if (value === null) return '无';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) {
    if (value.length === 0) return '没有';
    const opts = FIELDS.get(field)?.options ?? [];
    return value.map((v) => String(opts.findIndex((o) => o.value === v) + 1 || v)).join(',');
  }
  if (typeof value === 'number') return `${value}`;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  return String(value);
}

type Chooser = (profile: Profile, skip: string[]) => string | null;

/**
 * Starts from nothing but the id and asks until `choose` has nothing left to ask; answers come
 * from the hidden profile, and a field it lacks is answered "不知道" (asked, skipped).
 * Returns the number of questions and the final profile.
 */
export function interview(m: Matcher, hidden: Record<string, unknown>, choose: Chooser): { asked: string[]; profile: Profile } {
  let profile = { id: String(hidden.id) } as Profile;
  const skip: string[] = [];
  const asked: string[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const field = choose(profile, skip);
    if (!field) break;
    asked.push(field);
    const value = read(hidden, field);
    if (value === undefined) {
      skip.push(field);
      continue;
    }
    const r = applyAnswer(profile, field, typed(value, field));
    if (!r.ok) throw new Error(`${field}: ${r.message}`);
    profile = r.profile;
  }
  return { asked, profile };
}

/** Baseline: the vocabulary's fixed field order, asking each field some open policy still lists as missing. */
export function fixedOrder(m: Matcher, asOf: string): Chooser {
  const order = [...FIELDS.keys()];
  return (profile, skip) => {
    const missing = new Set(m.evaluate(profile, { asOf, mode: 'verdict', scope: 'applicable' }).flatMap((e) => e.missing));
    return order.find((f) => missing.has(f) && !skip.includes(f)) ?? null;
  };
}

export function guiyan(m: Matcher, asOf: string): Chooser {
  return (profile, skip) => m.nextQuestion(profile, { asOf, skip })?.field ?? null;
}
