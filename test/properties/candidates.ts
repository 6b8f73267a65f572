import { addMonths, dayOf, formatDay, fromDayNumber, toDayNumber } from '../../src/core/dates.js';
import { FIELDS, safeParseProfile } from '../../src/index.js';
import { REGIONS, withAnswer } from '../helpers/gen.js';

/** Parameter values (and their multiples) the property rules may compare against. */
const PARAM_NUMBERS = [12, 30, 5, 6, 24, 60, 15, 2.5, 10];

function literals(c: any, field: string, nums: Set<number>, dates: Set<string>, strs: Set<string>): void {
  if (!c || typeof c !== 'object') return;
  if (c.op === 'all' || c.op === 'any') return c.of.forEach((x: unknown) => literals(x, field, nums, dates, strs));
  if (c.op === 'not') return literals(c.of, field, nums, dates, strs);
  if (c.field !== field) return;
  for (const v of [c.value, c.min, c.max, ...(c.values ?? []), ...(c.regions ?? [])]) {
    if (typeof v === 'number') nums.add(v);
    else if (typeof v === 'string') (/^\d{4}-\d\d-\d\d$/.test(v) ? dates : strs).add(v);
  }
}

/** Answers worth trying for `field` under the rule `tree` at `asOf`, each valid in a profile. */
export function candidates(profile: Record<string, unknown>, field: string, tree: unknown, asOf: string): unknown[] {
  const info = FIELDS.get(field)!;
  const own = new Set<number>();
  const dates = new Set<string>();
  const strs = new Set<string>();
  literals(tree, field, own, dates, strs);
  const nums = new Set<number>([...own, ...PARAM_NUMBERS]);
  const around = [...nums].flatMap((n) => [n - 1, n - 0.5, n, n + 0.5, n + 1]);
  const out: unknown[] = [null, 0];
  const opts = info.options?.map((o) => o.value) ?? [];
  switch (info.kind) {
    case 'boolean':
      out.push(true, false);
      break;
    case 'number':
      out.push(...around);
      break;
    case 'date': {
      const today = dayOf(asOf);
      const c = fromDayNumber(today);
      out.push(asOf);
      for (const n of around.filter(Number.isInteger)) {
        out.push(formatDay(toDayNumber({ ...c, y: c.y - n, d: Math.min(c.d, 28) })), formatDay(toDayNumber(addMonths(c, -n))), formatDay(today - n));
        out.push(formatDay(toDayNumber({ y: c.y - n, m: c.m, d: c.d === 29 && c.m === 2 ? 28 : c.d })));
      }
      for (const d of dates) out.push(formatDay(dayOf(d) - 1), d, formatDay(dayOf(d) + 1));
      break;
    }
    case 'choice':
      out.push(...opts);
      break;
    case 'choices':
      out.push([], ...opts.map((o) => [o]), ...[...strs].map((s) => [s]));
      for (const n of around.filter((x) => Number.isInteger(x) && x > 0 && x <= 64)) out.push(Array.from({ length: n }, (_, i) => opts[i % opts.length]));
      break;
    case 'region':
      out.push(...REGIONS, ...strs);
      break;
    default:
      out.push('x', ...strs);
  }
  // The rule's own literals first: contexts built from them reach the decisive cases sooner.
  const exact = [...own, ...strs, ...dates, true, false];
  const valid = out.filter((v) => safeParseProfile(withAnswer(profile, field, v)).success);
  return [...valid.filter((v) => exact.includes(v as never)), ...valid.filter((v) => !exact.includes(v as never))];
}
