import { dayOf, formatDay } from '../core/dates.js';
import { localBounds } from '../policy/overlay.js';
import type { PolicyOverlay } from '../policy/overlay.js';
import type { Policy } from '../policy/schema.js';
import type { Finding } from './types.js';

/** A finding about one overlay file, placed in that file. */
export type OverlayFinding = Finding & { overlay: PolicyOverlay };

/**
 * Each overlay step against the national bound: the figure must lie within the policy's
 * `localRange` on the day the step starts and on every day the national value changes while the
 * step holds. Official overlays name the document and clause of every step, as parameters do.
 */
export function overlayFindings(p: Policy): OverlayFinding[] {
  const out: OverlayFinding[] = [];
  for (const overlay of p.overlays ?? []) {
    const add = (severity: Finding['severity'], code: string, path: Finding['path'], message: string) => out.push({ severity, code, policyId: overlay.id, path, message, overlay });
    if (!overlay.sample && !overlay.source.documents?.length)
      add('error', 'provenance_missing', ['source', 'documents'], 'an overlay taken from a notice should list it (source.documents: number, title, date); mark unconfirmed figures sample: true');
    for (const [name, param] of Object.entries(overlay.parameters)) {
      const national = p.parameters[name]!;
      const steps = [...param.values].sort((a, b) => dayOf(a.from) - dayOf(b.from));
      steps.forEach((step, k) => {
        const i = param.values.indexOf(step);
        if (!overlay.sample && !step.source) add('error', 'unsourced_parameter', ['parameters', name, 'values', i], `the value of "${name}" from ${step.from} names no document and clause (source)`);
        const from = dayOf(step.from);
        const until = k + 1 < steps.length ? dayOf(steps[k + 1]!.from) : Number.POSITIVE_INFINITY;
        const days = [from, ...national.values.map((v) => dayOf(v.from)).filter((d) => d > from && d < until)];
        for (const day of days) {
          const [lo, hi] = localBounds(national, day);
          if (Number.isNaN(lo)) continue;
          if (step.value === null || step.value < lo || step.value > hi) {
            add('error', 'overlay_out_of_range', ['parameters', name, 'values', i, 'value'], `${String(step.value)} is outside the range ${lo}–${hi} that policy "${p.id}" lets regions set for "${name}" (on ${formatDay(day)})`);
            break;
          }
        }
      });
    }
  }
  return out;
}
