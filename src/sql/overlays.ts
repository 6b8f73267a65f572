import { regionCondition } from '../ops/index.js';
import { localBounds, overlayChoice, paramsRead, stepAt } from '../policy/overlay.js';
import type { Amount, Condition, Policy } from '../policy/schema.js';
import { regionPrefix } from '../regions/codes.js';
import type { Dialect } from './dialect.js';

/** An amount as SQL: `{min, max, unit}`, all NULL when the answers allow no amount. */
export interface SqlAmount {
  min: string;
  max: string;
  unit: string;
}

/** What `amountByRegion` needs of the policy compiler: amounts at given figures, and conditions. */
export interface FigureCompiler {
  /** Figures that replace the named parameters' values while an amount compiles (null: none). */
  figures: ReadonlyMap<string, number> | null;
  amount(a: Amount, at: string, inherited: string): SqlAmount;
  condition(c: Condition, at: string): { sql: string };
}

/**
 * The policy's amount where it reads parameters regions may set (`localRange`), as the engine
 * gives it: a CASE on the person's region over the places overlays cover at the day, the most
 * local first, each with its figures; elsewhere (or with no region) the span of the amounts at the
 * low and the high end of the national range. Other amounts compile as they are.
 */
export function amountByRegion(pc: FigureCompiler, policy: Policy, day: number, d: Dialect, a: Amount): SqlAmount {
  const local = [...paramsRead(a)].filter((n) => policy.parameters[n]?.localRange);
  if (local.length === 0) return pc.amount(a, 'amount', 'CNY');
  // Every region an overlay with a figure in force names, most local first.
  const places = new Map<string, string>();
  for (const o of policy.overlays ?? [])
    for (const [name, p] of Object.entries(o.parameters)) if (local.includes(name) && !Number.isNaN(stepAt(p.values, day))) for (const r of o.regions) places.set(regionPrefix(r), r);
  const order = [...places].sort((x, y) => y[0].length - x[0].length || (x[0] < y[0] ? -1 : 1));
  /** Each parameter's figure at a place: the overlay `overlayChoice` picks there, else the end of the national range. */
  const at = (prefix: string | null, end: 0 | 1) =>
    new Map(local.map((name) => [name, (prefix === null ? undefined : overlayChoice(policy, name, prefix, day))?.value ?? localBounds(policy.parameters[name]!, day)[end]]));
  const compileAt = (prefix: string | null): SqlAmount => {
    const ends = ([0, 1] as const).map((end) => {
      pc.figures = at(prefix, end);
      try {
        return pc.amount(a, 'amount', 'CNY');
      } finally {
        pc.figures = null;
      }
    }) as [SqlAmount, SqlAmount];
    // The span of the two ends, as the engine's union: either end alone when the other is none.
    return { min: d.least([ends[0].min, ends[1].min]), max: d.greatest([ends[0].max, ends[1].max]), unit: `COALESCE(${ends[0].unit}, ${ends[1].unit})` };
  };
  const national = compileAt(null);
  if (order.length === 0) return national;
  const branches = order.map(([prefix, code]) => ({ when: `COALESCE(${pc.condition(regionCondition([code]), 'regions').sql}, ${d.false})`, amount: compileAt(prefix) }));
  const pick = (k: keyof SqlAmount) => `(CASE ${branches.map((b) => `WHEN ${b.when} THEN ${b.amount[k]}`).join(' ')} ELSE ${national[k]} END)`;
  return { min: pick('min'), max: pick('max'), unit: pick('unit') };
}
