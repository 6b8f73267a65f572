import { dayOf } from '../core/dates.js';
import { regionPrefix } from '../regions/codes.js';
import type { Parameter, PolicyOverlay } from '../policy/schema.js';

interface Entry {
  from: number[];
  values: number[];
  /** The national value's multiple this slot holds: 1, or a `localRange` end. */
  times: number;
}

/** One overlay's figures for one parameter in one of its regions. */
export interface OverlayEntry {
  readonly overlay: PolicyOverlay;
  readonly region: string;
  readonly prefix: string;
  /** The parameter's low slot (its high slot follows it). */
  readonly slot: number;
  readonly from: readonly number[];
  readonly values: readonly number[];
}

const valueAt = (e: { from: readonly number[]; values: readonly number[] }, day: number): number => {
  let v = Number.NaN;
  for (let j = 0; j < e.from.length; j++) if ((e.from[j] as number) <= day) v = e.values[j] as number;
  return v;
};

const sortedSteps = (values: Parameter['values']) => {
  const sorted = [...values].sort((a, b) => dayOf(a.from) - dayOf(b.from));
  return { from: sorted.map((v) => dayOf(v.from)), values: sorted.map((v) => v.value ?? Number.NaN) };
};

/**
 * Dated parameters of every policy in one flat table. `at(day)` gives each parameter's value in
 * force on that day (NaN before its first date), cached per day: a batch at one `asOf` resolves once.
 *
 * A parameter regions may set (`localRange`) takes two slots, the low and the high end of its
 * range: the national range, or the overlay figure twice where an overlay covers the region given
 * to `at`. Conditions never read such a parameter (the loader refuses it); amounts are computed at
 * both ends. Arrays are cached per day and per set of overlays covering the region, so one array
 * serves everyone a batch finds in the same place; `overlayOf` says which overlay filled a slot.
 */
export class ParamTable {
  private readonly entries: Entry[] = [];
  private readonly cache = new Map<number, Float64Array>();
  private readonly overlays: OverlayEntry[] = [];
  /** Overlay entries covering a region code, by code; cleared past 8192 codes. */
  private readonly byRegion = new Map<string, OverlayEntry[]>();
  /** Arrays for (day, overlays in force), cleared past 4096. */
  private readonly local = new Map<string, Float64Array>();
  /** The array by region code and day, cleared past 8192 codes. */
  private readonly byPlace = new Map<string, Map<number, Float64Array>>();
  private readonly chosen = new WeakMap<Float64Array, { pick: ReadonlyMap<number, OverlayEntry>; base: Float64Array }>();

  /** Adds a parameter; returns its slot (for a `localRange` one, the low end; the high end is the next slot). */
  add(param: Parameter): number {
    const steps = sortedSteps(param.values);
    const slot = this.entries.length;
    const r = param.localRange;
    this.entries.push({ ...steps, times: r ? (r.minTimes ?? 1) : 1 });
    if (r) this.entries.push({ ...steps, times: r.maxTimes });
    this.cache.clear();
    this.local.clear();
    this.byPlace.clear();
    return slot;
  }

  /** Registers an overlay's figures for the `localRange` parameter at `slot`. */
  addOverlay(overlay: PolicyOverlay, name: string, slot: number): void {
    const steps = sortedSteps(overlay.parameters[name]!.values);
    for (const region of overlay.regions) this.overlays.push({ overlay, region, prefix: regionPrefix(region), slot, ...steps });
    this.byRegion.clear();
    this.local.clear();
    this.byPlace.clear();
  }

  /** Parameter values on `day`, with the overlays covering `regionCode` applied. */
  at(day: number, regionCode?: string): Float64Array {
    const base = this.base(day);
    if (regionCode === undefined || this.overlays.length === 0) return base;
    const covering = this.covering(regionCode);
    if (covering.length === 0) return base;
    let byDay = this.byPlace.get(regionCode);
    if (!byDay) {
      if (this.byPlace.size > 8192) this.byPlace.clear();
      this.byPlace.set(regionCode, (byDay = new Map()));
    }
    let out = byDay.get(day);
    if (!out) {
      out = this.withOverlays(day, base, covering);
      if (byDay.size > 256) byDay.clear();
      byDay.set(day, out);
    }
    return out;
  }

  private withOverlays(day: number, base: Float64Array, covering: readonly OverlayEntry[]): Float64Array {
    // The most local overlay with a figure in force wins, per parameter.
    const pick = new Map<number, OverlayEntry>();
    for (const e of covering) {
      if (Number.isNaN(valueAt(e, day))) continue;
      const prev = pick.get(e.slot);
      if (!prev || e.prefix.length > prev.prefix.length) pick.set(e.slot, e);
    }
    if (pick.size === 0) return base;
    const key = `${day}|${[...pick.values()].map((e) => this.overlays.indexOf(e)).join(',')}`;
    let out = this.local.get(key);
    if (out) return out;
    out = base.slice();
    for (const [slot, e] of pick) out[slot] = out[slot + 1] = valueAt(e, day);
    if (this.local.size > 4096) this.local.clear();
    this.local.set(key, out);
    this.chosen.set(out, { pick, base });
    return out;
  }

  /** The overlay whose figure fills `slot` in an array `at` returned, if any. */
  overlayOf(params: ArrayLike<number>, slot: number): OverlayEntry | undefined {
    return params instanceof Float64Array ? this.chosen.get(params)?.pick.get(slot) : undefined;
  }

  /**
   * The day's national array behind an array `at` returned for a region: every slot but those of
   * figures regions may set holds the same value, so results that read no such figure can be shared.
   */
  baseOf(params: ArrayLike<number>): ArrayLike<number> {
    return (params instanceof Float64Array && this.chosen.get(params)?.base) || params;
  }

  private covering(regionCode: string): OverlayEntry[] {
    let list = this.byRegion.get(regionCode);
    if (!list) {
      list = this.overlays.filter((e) => regionCode.startsWith(e.prefix));
      if (this.byRegion.size > 8192) this.byRegion.clear();
      this.byRegion.set(regionCode, list);
    }
    return list;
  }

  private base(day: number): Float64Array {
    let out = this.cache.get(day);
    if (out) return out;
    out = new Float64Array(this.entries.length);
    this.entries.forEach((e, i) => {
      (out as Float64Array)[i] = valueAt(e, day) * e.times;
    });
    if (this.cache.size > 256) this.cache.clear();
    this.cache.set(day, out);
    return out;
  }
}
