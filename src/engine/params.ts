import { dayOf } from '../core/dates.js';
import type { Parameter } from '../policy/schema.js';

interface Entry {
  from: number[];
  values: number[];
}

/**
 * Dated parameters of every policy in one flat table. `at(day)` gives each parameter's value in
 * force on that day (NaN before its first date), cached per day: a batch at one `asOf` resolves once.
 */
export class ParamTable {
  private readonly entries: Entry[] = [];
  private readonly cache = new Map<number, Float64Array>();

  add(param: Parameter): number {
    const sorted = [...param.values].sort((a, b) => dayOf(a.from) - dayOf(b.from));
    this.entries.push({ from: sorted.map((v) => dayOf(v.from)), values: sorted.map((v) => v.value ?? Number.NaN) });
    this.cache.clear();
    return this.entries.length - 1;
  }

  at(day: number): Float64Array {
    let out = this.cache.get(day);
    if (out) return out;
    out = new Float64Array(this.entries.length);
    this.entries.forEach((e, i) => {
      let v = Number.NaN;
      for (let j = 0; j < e.from.length; j++) if ((e.from[j] as number) <= day) v = e.values[j] as number;
      (out as Float64Array)[i] = v;
    });
    if (this.cache.size > 256) this.cache.clear();
    this.cache.set(day, out);
    return out;
  }
}
