import { addMonths, formatDay, fromDayNumber, toDayNumber } from '../core/dates.js';
import type { CompiledNode, CompiledPolicy } from '../engine/index.js';
import type { FieldInfo } from '../profile/fields.js';
import { REGION_NAMES } from '../regions/codes.js';

/**
 * Answers a person might give, used to estimate how likely a question settles a policy: each
 * candidate counts equally. Numbers add each threshold the rules test and its neighbours.
 */
const NUMBERS = [0, 1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 500, 1000, 5000];
const MONTHS_AGO = [0, 1, 3, 6, 9, 12, 18, 24, 36, 48, 60, 120, 240, 360, 480, 600, 720];

function thresholds(n: CompiledNode, field: string, p: ArrayLike<number>, out: Set<number>): void {
  const leaf = n.leaf;
  if (leaf && leaf.ref.field === field && !leaf.ref.measure && !leaf.ref.per && leaf.domain === 'number') {
    const node = leaf.node as { value?: unknown; min?: unknown; max?: unknown };
    for (const v of [node.value, node.min, node.max]) {
      if (v === undefined) continue;
      const x = leaf.value(v as never, p);
      if (typeof x === 'number' && Number.isFinite(x)) for (const d of [-1, 0, 1]) if (x + d >= 0) out.add(x + d);
    }
  }
  for (const c of n.children) thresholds(c, field, p, out);
}

export function candidateAnswers(info: FieldInfo, pool: readonly CompiledPolicy[], day: number, p: ArrayLike<number>): unknown[] {
  switch (info.kind) {
    case 'boolean':
      return [true, false];
    case 'choice':
      return (info.options ?? []).map((o) => o.value);
    case 'choices':
      return [...(info.options ?? []).map((o) => [o.value]), []];
    case 'region':
      return Object.keys(REGION_NAMES).filter((c) => !c.endsWith('00'));
    case 'number': {
      const set = new Set(NUMBERS);
      for (const cp of pool) thresholds(cp.root, info.path, p, set);
      return [...set].sort((a, b) => a - b);
    }
    case 'date': {
      const today = fromDayNumber(day);
      const dates: unknown[] = MONTHS_AGO.map((m) => formatDay(toDayNumber(addMonths(today, -m))));
      return info.nullable ? [...dates, null] : dates;
    }
    default:
      return [];
  }
}
