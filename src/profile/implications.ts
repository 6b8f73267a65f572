import { readPath } from './fields.js';

/**
 * Answers that settle other fields, so nobody is asked what their answers already say.
 *
 * An implication fills a field only while it is unanswered; an answer given for the field itself
 * always wins. The engine, the reference interpreter and `toSql` read fields through these, so the
 * three agree.
 *
 *   groups known without `registered-unemployed`  → unemployedSince: null (not registered unemployed)
 *   business.form `individual-business`            → business.registeredAs `individual-business`
 *   business.form `cooperative`                    → business.registeredAs `cooperative`
 *   business.employees 0                           → no staff hired from any group (the hires-… counts are of current staff)
 *
 * `groups` is the list of what describes the person as they answer it; a policy that needs the
 * unemployment date at an earlier day (15号 judges it at registration) reads the same answer.
 */
export interface Implication {
  /** The field settled. */
  readonly field: string;
  /** The answer it takes. */
  readonly value: string | number | null;
  /** When `when.field`'s answer is `is`, or a known list that lacks `lacks`. */
  readonly when: { readonly field: string; readonly is: string | number } | { readonly field: string; readonly lacks: string };
}

const staffHires = ['business.hiresPovertyAlleviated', 'business.hiresUnemployedHalfYear', 'business.hiresSelfEmployedVeterans'];

export const IMPLICATIONS: readonly Implication[] = Object.freeze([
  { field: 'unemployedSince', value: null, when: { field: 'groups', lacks: 'registered-unemployed' } },
  { field: 'business.registeredAs', value: 'individual-business', when: { field: 'business.form', is: 'individual-business' } },
  { field: 'business.registeredAs', value: 'cooperative', when: { field: 'business.form', is: 'cooperative' } },
  ...staffHires.map((field) => ({ field, value: 0, when: { field: 'business.employees', is: 0 } })),
]);

/**
 * A field a measure reads that cannot matter given another answer: a woman's post type sets her
 * retirement age, so `months-to-retirement` does not ask a man for it. Such a field is not listed
 * as missing for that measure while the other answer holds (a condition reading the field itself
 * still lists it).
 */
export interface Moot {
  readonly measure: string;
  readonly field: string;
  readonly when: { readonly field: string; readonly is: string };
}

export const MOOT: readonly Moot[] = Object.freeze([{ measure: 'months-to-retirement', field: 'postType', when: { field: 'gender', is: 'male' } }]);

/** What would make a field moot for a leaf reading it through `measure`, if anything. */
export const mootFor = (field: string, measure: string | undefined): Moot['when'] | undefined =>
  measure === undefined ? undefined : MOOT.find((m) => m.measure === measure && m.field === field)?.when;

const BY_FIELD = new Map<string, Implication[]>();
for (const i of IMPLICATIONS) BY_FIELD.set(i.field, [...(BY_FIELD.get(i.field) ?? []), i]);

/** The implications that may settle a field (none for most). */
export const implicationsOf = (field: string): readonly Implication[] => BY_FIELD.get(field) ?? [];

/** Whether an answer (as read from a profile) meets an implication's condition. */
export function holds(when: Implication['when'] | Moot['when'], answer: unknown): boolean {
  if ('is' in when) return answer === when.is;
  return Array.isArray(answer) && !answer.includes(when.lacks);
}

/**
 * A reader of one field that applies its implications: `read(profile)` for the answer given, and
 * `whenRead(profile)` for the answer of a condition's field.
 */
export function impliedReader(field: string, read: (p: unknown) => unknown, whenRead: (path: string) => (p: unknown) => unknown): (p: unknown) => unknown {
  const list = implicationsOf(field);
  if (list.length === 0) return read;
  const rules = list.map((i) => ({ value: i.value, when: i.when, answer: whenRead(i.when.field) }));
  return (p) => {
    const v = read(p);
    if (v !== undefined) return v;
    for (const r of rules) if (holds(r.when, r.answer(p))) return r.value;
    return undefined;
  };
}

const rawReader = (path: string) => {
  const segments = path.split('.');
  return (p: unknown) => readPath(p, segments);
};

/** A field's answer with its implications applied, by dot path (builds its reader per call: for one-off reads). */
export const readAnswer = (profile: unknown, path: string): unknown => impliedReader(path, rawReader(path), rawReader)(profile);

/** Whether a field read through `measure` cannot matter for this profile (see `MOOT`). */
export function isMoot(profile: unknown, field: string, measure: string | undefined): boolean {
  const when = mootFor(field, measure);
  return when !== undefined && holds(when, rawReader(when.field)(profile));
}
