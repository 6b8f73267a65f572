import { dayOf } from '../core/dates.js';
import { isRegionCode, regionCovers, regionPrefix } from '../regions/codes.js';
import type { PolicyIssue } from './errors.js';
import type { Parameter, Policy, PolicyOverlay } from './schema.js';

export { OverlaySchema, type PolicyOverlay } from './schema.js';

type Issue = Omit<PolicyIssue, 'file' | 'line' | 'column'>;

/** A document is an overlay when it names the policy it overlays. */
export const isOverlayDocument = (data: unknown): boolean => data !== null && typeof data === 'object' && !Array.isArray(data) && Object.hasOwn(data, 'overlays');

/** What the schema cannot see in one overlay file: its regions and its dated steps. */
export function checkOverlay(o: Omit<PolicyOverlay, 'file'>): Issue[] {
  const issues: Issue[] = [];
  o.regions.forEach((r, i) => {
    if (!isRegionCode(r)) issues.push({ path: ['regions', i], code: 'invalid_region', message: `"${r}" is not a GB/T 2260 region code` });
    else if (o.regions.indexOf(r) !== i) issues.push({ path: ['regions', i], code: 'duplicate_region', message: `region ${r} is listed twice` });
  });
  for (const [name, param] of Object.entries(o.parameters)) {
    const days = param.values.map((v) => dayOf(v.from));
    if (new Set(days).size !== days.length) issues.push({ path: ['parameters', name, 'values'], code: 'duplicate_date', message: `parameter "${name}" has two values for one date` });
    param.values.forEach((v, i) => {
      if (v.value === null) issues.push({ path: ['parameters', name, 'values', i, 'value'], code: 'unset_parameter', message: `an overlay fixes a figure; leave out a step rather than set it to null` });
    });
  }
  return issues;
}

/** The value of the latest step on or before `day`, NaN when none is in force yet. */
export function stepAt(values: readonly { from: string; value: number | null }[], day: number): number {
  let best = Number.NEGATIVE_INFINITY;
  let value = Number.NaN;
  for (const v of values) {
    const from = dayOf(v.from);
    if (from <= day && from >= best) {
      best = from;
      value = v.value ?? Number.NaN;
    }
  }
  return value;
}

/** The range regions may set a parameter in on `day` ([value, value] without a `localRange`). */
export function localBounds(param: Parameter, day: number): [number, number] {
  const v = stepAt(param.values, day);
  const r = param.localRange;
  return r ? [v * (r.minTimes ?? 1), v * r.maxTimes] : [v, v];
}

/** An overlay's figure for one parameter and where it holds. */
export interface OverlayChoice {
  overlay: PolicyOverlay;
  /** The overlay's region that covers the profile's region. */
  region: string;
  value: number;
}

/**
 * The overlay figure for `name` in `regionCode` on `day`: of the overlays covering the region with a
 * step in force, the most local one. Undefined when none does (the national range applies).
 */
export function overlayChoice(policy: Policy, name: string, regionCode: string | undefined, day: number): OverlayChoice | undefined {
  if (regionCode === undefined || !policy.overlays) return undefined;
  let best: OverlayChoice | undefined;
  let bestLength = -1;
  for (const overlay of policy.overlays) {
    const param = overlay.parameters[name];
    if (!param) continue;
    const value = stepAt(param.values, day);
    if (Number.isNaN(value)) continue;
    for (const region of overlay.regions) {
      const length = regionPrefix(region).length;
      if (length > bestLength && regionCovers(region, regionCode)) {
        best = { overlay, region, value };
        bestLength = length;
      }
    }
  }
  return best;
}

/** A problem linking an overlay to its policy, at a path of the overlay file. */
export interface OverlayIssue extends Issue {
  overlay: PolicyOverlay;
}

/**
 * Attaches each overlay to the policy it names, in file order. An unknown policy or parameter, a
 * parameter the policy does not let regions set, a region outside the policy's, and two overlays
 * fixing one parameter for the same region are issues.
 */
export function linkOverlays(policies: readonly Policy[], overlays: readonly PolicyOverlay[]): { policies: Policy[]; issues: OverlayIssue[] } {
  const issues: OverlayIssue[] = [];
  const byId = new Map(policies.map((p) => [p.id, p]));
  const attached = new Map<Policy, PolicyOverlay[]>();
  const taken = new Map<string, PolicyOverlay>();
  for (const overlay of overlays) {
    const add = (path: (string | number)[], code: string, message: string) => issues.push({ overlay, path, code, message });
    const target = byId.get(overlay.overlays);
    if (!target) {
      add(['overlays'], 'unknown_policy', `no policy "${overlay.overlays}" among the rules loaded with this overlay`);
      continue;
    }
    const before = issues.length;
    for (const name of Object.keys(overlay.parameters)) {
      const param = Object.hasOwn(target.parameters, name) ? target.parameters[name] : undefined;
      if (!param) add(['parameters', name], 'unknown_parameter', `policy "${target.id}" has no parameter "${name}"`);
      else if (!param.localRange) add(['parameters', name], 'parameter_not_local', `policy "${target.id}" does not let regions set "${name}" (no localRange)`);
      else
        overlay.regions.forEach((r, i) => {
          const key = `${target.id}|${name}|${regionPrefix(r)}`;
          const prev = taken.get(key);
          if (prev) add(['regions', i], 'overlay_conflict', `"${name}" of "${target.id}" for ${r} is also set by overlay "${prev.id}"`);
          else taken.set(key, overlay);
        });
    }
    overlay.regions.forEach((r, i) => {
      if (target.regions.length && !target.regions.some((t) => regionCovers(t, r))) add(['regions', i], 'overlay_outside_policy', `${r} is outside the regions of policy "${target.id}"`);
    });
    if (issues.length === before) attached.set(target, [...(attached.get(target) ?? []), overlay]);
  }
  const linked = policies.map((p) => {
    const own = attached.get(p);
    return own ? (Object.freeze({ ...p, overlays: Object.freeze([...(p.overlays ?? []), ...own]) }) as Policy) : p;
  });
  return { policies: linked, issues };
}

/** Names of the parameters a part of a rule (an amount) reads. */
export function paramsRead(x: unknown, out = new Set<string>()): Set<string> {
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o.param === 'string') out.add(o.param);
    else for (const v of Object.values(o)) paramsRead(v, out);
  }
  return out;
}
